import { operationInProgress } from "@handoff/core";
import type { RefreshHook } from "./hook-names.js";

export interface RefreshDecision {
  refresh: boolean;
  /** Why, in words, for the HANDOFF_DEBUG trace. */
  reason: string;
}

/** True while git is in the middle of a rebase or a `git am`: HEAD moves once per picked commit. */
export function rebaseInProgress(gitDir: string): boolean {
  const operation = operationInProgress(gitDir)?.operation;
  return operation === "rebase" || operation === "am";
}

/**
 * Whether a hook run should refresh the state files. `args` are git's arguments to the hook:
 * post-checkout gets `<previous HEAD> <new HEAD> <1 for a branch checkout, 0 for files>`,
 * post-rewrite gets `amend` or `rebase`, post-merge gets the squash flag.
 *
 * The per-commit runs of a rebase never get here: the installed hooks settle them in the shell
 * (fast-path-script.ts). A refresh that does run during a rebase stands for every event queued
 * behind it, the post-rewrite that ends the rebase perhaps among them, so it is never skipped
 * for the rebase: it waits for the rebase to end instead (run-refresh.ts).
 */
export function refreshDecision(hook: RefreshHook, args: readonly string[]): RefreshDecision {
  if (hook === "post-checkout" && args[2] !== "1") {
    return { refresh: false, reason: "a file checkout, not a branch switch" };
  }
  const rebaseFinished = hook === "post-rewrite" && args[0] === "rebase";
  return { refresh: true, reason: rebaseFinished ? "a rebase finished" : `${hook} ${args.join(" ")}`.trim() };
}
