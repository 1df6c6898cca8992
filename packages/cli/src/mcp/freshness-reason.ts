import type { Freshness, SessionState } from "@handoff/core";
import { HEAD_MOVED, INDEX_CHANGED, NO_FRESHNESS_RECORD, REF_MOVED } from "../messages/mcp.js";

/** Why a state no longer matches the repository, in the terms its `freshness` record keeps. */
export function staleBecause(state: SessionState, now: Freshness): string[] {
  const recorded = state.freshness;
  if (!recorded) return [NO_FRESHNESS_RECORD];
  const reasons: string[] = [];
  if (recorded.ref !== now.ref) reasons.push(REF_MOVED);
  if (recorded.head !== now.head) reasons.push(HEAD_MOVED);
  if (recorded.index !== now.index) reasons.push(INDEX_CHANGED);
  return reasons;
}
