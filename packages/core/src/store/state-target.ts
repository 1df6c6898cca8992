import { lstatSync } from "node:fs";
import path from "node:path";
import type { AgentInfo } from "../agents/registry.js";
import { CONFIG_FILE } from "../config/file-name.js";
import { HandoffError } from "../errors.js";
import { indexHoldsNothingAt } from "../git/index-lookup.js";
import type { RepoPaths } from "../git/repo.js";
import { gitOutput, splitNul } from "../git/run-git.js";
import {
  giveAnotherFile,
  IS_A_FOLDER,
  misplacedState,
  moveFolderAway,
  quoted,
  setFieldElsewhere,
  stateFileOf,
  TRACKED_FILE,
  trackedFiles,
  untrackIt,
} from "../messages.js";

export type StateTarget = Pick<AgentInfo, "file"> & Partial<Pick<AgentInfo, "name" | "fileField">>;

function fieldOf(target: StateTarget): string {
  if (target.fileField) return target.fileField;
  return target.name ? stateFileOf(target.name, target.file) : quoted(target.file);
}

function misplaced(target: StateTarget, problem: string, hint: string): HandoffError {
  return new HandoffError("E_CONFIG_INVALID", misplacedState(fieldOf(target), problem), {
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
    ? setFieldElsewhere(target.fileField, CONFIG_FILE)
    : giveAnotherFile(target.name, CONFIG_FILE);
  try {
    if (lstatSync(path.join(root, ...target.file.split("/"))).isDirectory()) {
      throw misplaced(target, IS_A_FOLDER, moveFolderAway(where));
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
      tracked.length === 1 && tracked[0] === target.file ? TRACKED_FILE : trackedFiles(tracked.length),
      untrackIt(where, JSON.stringify(target.file)),
    );
  }
}
