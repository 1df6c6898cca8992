import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { gitOutput, isPathInside, resolveRepo } from "@handoff/core/internal";
import { runnerPath } from "./git-folder.js";

export interface HookLocations {
  /** The work tree's top level. */
  root: string;
  /** This work tree's git directory (`.git/worktrees/<name>` in a linked worktree). */
  gitDir: string;
  /** The git directory shared by every worktree: where the runner lives. */
  commonDir: string;
  /** The folder git runs hooks from (`git rev-parse --git-path hooks`: honours core.hooksPath). */
  hooksDir: string;
  /** husky 9's folder (`.husky`) when core.hooksPath points at its `_` folder. */
  huskyDir?: string;
  /** The shell runner every handoff hook calls. */
  runner: string;
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** Where handoff's hooks go in the repository around `cwd`, the way git itself resolves it. */
export async function locateHooks(cwd: string): Promise<HookLocations> {
  const repo = await resolveRepo(cwd);
  const output = await gitOutput(repo.root, ["rev-parse", "--git-common-dir", "--git-path", "hooks"]);
  const [common = ".git", hooks = ".git/hooks"] = output.toString("utf8").split("\n");
  const commonDir = path.resolve(repo.root, common);
  const hooksDir = path.resolve(repo.root, hooks);
  // husky 9 sets core.hooksPath to `<its folder>/_` and runs `<its folder>/<hook>` from there.
  const huskyCandidate = path.dirname(hooksDir);
  const husky = path.basename(hooksDir) === "_" && isDirectory(huskyCandidate);
  return {
    root: repo.root,
    gitDir: repo.gitDir,
    commonDir,
    hooksDir,
    huskyDir: husky ? huskyCandidate : undefined,
    runner: runnerPath(commonDir),
  };
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * True when the hooks folder lies outside this repository (a global core.hooksPath): other
 * repositories may run the stubs in it too.
 */
export function sharedHooksFolder(locations: HookLocations): boolean {
  const hooks = realOrSelf(locations.hooksDir);
  return !isPathInside(realOrSelf(locations.root), hooks) && !isPathInside(realOrSelf(locations.commonDir), hooks);
}

/** True when husky's folder, symlinks resolved, lies outside the work tree: handoff never writes there. */
export function huskyOutsideRepo(locations: HookLocations): boolean {
  return locations.huskyDir !== undefined && !isPathInside(realOrSelf(locations.root), realOrSelf(locations.huskyDir));
}
