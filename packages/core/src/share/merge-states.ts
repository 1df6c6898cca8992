import type { SessionState } from "../schema/session-state.js";
import { stringifyState } from "../serialize/stringify.js";

function timeOf(state: SessionState): number {
  const time = Date.parse(state.timestamp);
  return Number.isNaN(time) ? -Infinity : time;
}

export type Comparison = "same" | "first-newer" | "second-newer" | "tie";

/** Which of two states of one agent is newer, by their timestamps; equal content is "same". */
export function compareStates(first: SessionState, second: SessionState): Comparison {
  if (stringifyState(first) === stringifyState(second)) return "same";
  const difference = timeOf(first) - timeOf(second);
  return difference > 0 ? "first-newer" : difference < 0 ? "second-newer" : "tie";
}

/**
 * One state per agent from both sides: an agent on one side only is kept, and for an agent on
 * both the newer state wins (`mine` on a tie). Nothing is dropped from the ref's history either:
 * the previous commits stay its parents.
 */
export function mergeByAgent(
  theirs: ReadonlyMap<string, SessionState>,
  mine: ReadonlyMap<string, SessionState>,
): Map<string, SessionState> {
  const merged = new Map(theirs);
  for (const [agent, state] of mine) {
    const other = merged.get(agent);
    if (!other || compareStates(state, other) !== "second-newer") merged.set(agent, state);
  }
  return merged;
}
