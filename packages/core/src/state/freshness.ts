import { indexFingerprint } from "../git/fingerprint.js";
import { readHeadRef } from "../git/head-ref.js";
import type { RepoPaths } from "../git/repo.js";
import type { Freshness, SessionState } from "../schema/session-state.js";

/** What the repository looks like now, in the terms a state records; costs no git process. */
export function currentFreshness(repo: RepoPaths): Freshness {
  return { head: repo.head ?? "", ref: readHeadRef(repo.gitDir), index: indexFingerprint(repo.gitDir) };
}

export type FreshnessVerdict = "fresh" | "stale" | "unknown";

/** Compares what a state was computed from with the repository now, without trusting hooks. */
export function judgeFreshness(state: SessionState, now: Freshness): FreshnessVerdict {
  const recorded = state.freshness;
  if (!recorded) return "unknown";
  const same = recorded.head === now.head && recorded.ref === now.ref && recorded.index === now.index;
  return same ? "fresh" : "stale";
}
