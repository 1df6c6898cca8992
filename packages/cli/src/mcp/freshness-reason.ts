import type { Freshness, SessionState } from "@handoff/core";

/** Why a state no longer matches the repository, in the terms its `freshness` record keeps. */
export function staleBecause(state: SessionState, now: Freshness): string[] {
  const recorded = state.freshness;
  if (!recorded) return ["the state records no freshness (saved by an older handoff or by hand)"];
  const reasons: string[] = [];
  if (recorded.ref !== now.ref) reasons.push("HEAD points elsewhere (another branch was checked out)");
  if (recorded.head !== now.head) reasons.push("new commits (HEAD moved)");
  if (recorded.index !== now.index) reasons.push("the staged files changed");
  return reasons;
}
