import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runnerPath } from "./git-folder.js";

/** The common git directory of a worktree's git directory (git's own `commondir` file, when there is one). */
function commonDirOf(gitDir: string): string {
  try {
    return path.resolve(gitDir, readFileSync(path.join(gitDir, "commondir"), "utf8").trim());
  } catch {
    return gitDir;
  }
}

/**
 * Whether `handoff hooks install` has run in this clone: the committed hooks (husky's files, a
 * shared core.hooksPath) call a runner that only an install writes into each clone's git directory.
 */
export function hookRunnerInstalled(gitDir: string): boolean {
  return existsSync(runnerPath(commonDirOf(gitDir)));
}
