import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { GitOperation } from "../schema/session-state.js";

export interface OperationInProgress {
  operation: GitOperation;
  /** The branch a rebase is rewriting: HEAD is detached meanwhile. */
  branch?: string;
}

function rebasedBranch(gitDir: string, folder: string): string | undefined {
  try {
    const headName = readFileSync(path.join(gitDir, folder, "head-name"), "utf8").trim();
    return headName.startsWith("refs/heads/") ? headName.slice("refs/heads/".length) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the markers git leaves in its directory, as `git status` does; no git process needed. */
export function operationInProgress(gitDir: string): OperationInProgress | undefined {
  const has = (name: string) => existsSync(path.join(gitDir, name));
  if (has("rebase-merge")) return { operation: "rebase", branch: rebasedBranch(gitDir, "rebase-merge") };
  // `git am` and the old apply-based rebase share rebase-apply/; only am leaves `applying` in it.
  if (has("rebase-apply/applying")) return { operation: "am" };
  if (has("rebase-apply")) return { operation: "rebase", branch: rebasedBranch(gitDir, "rebase-apply") };
  if (has("MERGE_HEAD")) return { operation: "merge" };
  if (has("CHERRY_PICK_HEAD")) return { operation: "cherry-pick" };
  if (has("REVERT_HEAD")) return { operation: "revert" };
  if (has("BISECT_LOG")) return { operation: "bisect" };
  return undefined;
}
