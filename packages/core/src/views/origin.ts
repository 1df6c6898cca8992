import type { SessionState } from "../schema/session-state.js";

/** The agent (and provider) that did the work: the handoff's source once a state was handed over. */
export function origin(state: SessionState): { agent: string; provider: string | undefined } {
  const handoff = state.handoff;
  if (handoff?.from && handoff.to === state.agent) return { agent: handoff.from, provider: handoff.from_provider };
  return { agent: state.agent, provider: state.provider };
}
