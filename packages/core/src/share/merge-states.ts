import type { SessionState } from "../schema/session-state.js";
import { stringifyState } from "../parse/stringify.js";

function timeOf(state: SessionState): number {
  const time = Date.parse(state.timestamp);
  return Number.isNaN(time) ? -Infinity : time;
}

export type Comparison = "same" | "first-newer" | "second-newer" | "tie";

/** The state without the part each clone recomputes from its own git (the hooks and restore refresh it). */
function workPart(state: SessionState): string {
  const { git: _git, freshness: _freshness, ...work } = state;
  return JSON.stringify(work);
}

/**
 * Which of two states of one agent is newer, by their timestamps. Equal content is "same", and
 * so is one save seen from two clones: the same timestamp and work part, the git part refreshed
 * by each clone's hooks (a refresh keeps the timestamp).
 */
export function compareStates(first: SessionState, second: SessionState): Comparison {
  if (stringifyState(first) === stringifyState(second)) return "same";
  const difference = timeOf(first) - timeOf(second);
  if (difference === 0 && workPart(first) === workPart(second)) return "same";
  return difference > 0 ? "first-newer" : difference < 0 ? "second-newer" : "tie";
}

export interface MergedStates {
  states: Map<string, SessionState>;
  /** Agents whose state from `mine` went in: theirs was older, tied, or absent. */
  fromMine: string[];
  /** Agents of `mine` whose state on their side is newer, and stays. */
  theirsNewer: string[];
}

/**
 * One state per agent from both sides: an agent on one side only is kept, and for an agent on
 * both the newer state wins (`mine` on a tie, `theirs` when both are the same save). Nothing is
 * dropped from the ref's history either: the previous commits stay its parents.
 */
export function mergeByAgent(theirs: ReadonlyMap<string, SessionState>, mine: ReadonlyMap<string, SessionState>): MergedStates {
  const states = new Map(theirs);
  const fromMine: string[] = [];
  const theirsNewer: string[] = [];
  for (const [agent, state] of mine) {
    const other = states.get(agent);
    const comparison = other ? compareStates(state, other) : "first-newer";
    if (comparison === "second-newer") theirsNewer.push(agent);
    else if (comparison !== "same") {
      states.set(agent, state);
      fromMine.push(agent);
    }
  }
  return { states, fromMine, theirsNewer };
}
