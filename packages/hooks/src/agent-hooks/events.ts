/** The agents whose own hooks handoff configures (every other agent gets the AGENTS.md block). */
export const HOOK_AGENTS = ["claude", "codex", "gemini", "opencode", "cursor", "copilot"] as const;
export type HookAgent = (typeof HOOK_AGENTS)[number];

/**
 * What an agent hook asks handoff to do, whatever the agent calls the event:
 * save the turn, save it with the error that stopped the turn, or answer a session start.
 */
export const HOOK_EVENTS = ["stop", "pre-compact", "stop-failure", "session-start", "notify"] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export function isHookAgent(name: string): name is HookAgent {
  return (HOOK_AGENTS as readonly string[]).includes(name);
}

export function isHookEvent(name: string): name is HookEvent {
  return (HOOK_EVENTS as readonly string[]).includes(name);
}

/** The events that save the agent's work; the rest answer. */
export function savesTurn(event: HookEvent): boolean {
  return event !== "session-start";
}
