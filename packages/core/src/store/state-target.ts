import { lstatSync } from "node:fs";
import path from "node:path";
import type { AgentInfo } from "../agents/registry.js";
import { CONFIG_FILE } from "../config/file-name.js";
import { HandoffError } from "../errors.js";
import { indexHoldsNothingAt } from "../git/index-lookup.js";
import type { RepoPaths } from "../git/repo.js";
import { gitOutput, splitNul } from "../git/run-git.js";

export type StateTarget = Pick<AgentInfo, "file"> & Partial<Pick<AgentInfo, "name" | "fileField">>;

function fieldOf(target: StateTarget): string {
  if (target.fileField) return target.fileField;
  return target.name ? `the state file of ${target.name} ("${target.file}", its default)` : `"${target.file}"`;
}

function misplaced(target: StateTarget, problem: string, hint: string): HandoffError {
  return new HandoffError("E_CONFIG_INVALID", `${fieldOf(target)}: ${problem}; a state file must be an untracked file of its own in the work tree`, {
    file: target.fileField ? CONFIG_FILE : target.file,
    hint,
  });
}

/**
 * Refuses a state file path that would make a save overwrite what the user or git keeps there: a
 * folder (it would be moved aside) or a file git tracks (a save would rewrite it). Paths into the
 * git dir are refused when the config is read (`listAgents`); symlinks when the file is written.
 * Given the repository's paths, an index that plainly holds nothing there answers without a git
 * process (save's hottest path); otherwise `git ls-files` does.
 */
export async function assertStateTarget(root: string, target: StateTarget, repo?: RepoPaths): Promise<void> {
  const where = target.fileField
    ? `set ${target.fileField} in ${CONFIG_FILE} to another path`
    : `give ${target.name ?? "the agent"} another state file in ${CONFIG_FILE}: "agents": { "${target.name ?? "<agent>"}": "<path>" }`;
  try {
    if (lstatSync(path.join(root, ...target.file.split("/"))).isDirectory()) {
      throw misplaced(target, "is a folder", `${where}, or move the folder away`);
    }
  } catch (error) {
    if (error instanceof HandoffError) throw error;
    // Missing (or a file sits where a folder of its path should be: the write reports that).
  }
  const tracked =
    repo && indexHoldsNothingAt(repo, target.file)
      ? []
      : splitNul(await gitOutput(root, ["--literal-pathspecs", "ls-files", "-z", "--cached", "--", target.file]));
  if (tracked.length > 0) {
    throw misplaced(
      target,
      tracked.length === 1 && tracked[0] === target.file ? "is a file tracked by git" : `holds ${tracked.length} file(s) tracked by git`,
      `${where}; or, if this file is a state committed by mistake, untrack it: git rm --cached -- ${JSON.stringify(target.file)}`,
    );
  }
}
