import { linkSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { runGit, type RepoPaths } from "@handoff/core/internal";
import { handoffFolder } from "../git-folder.js";

/*
 * The agent hooks' guard (hook-command.ts) runs the project's own handoff only when git tracks
 * nothing in its node_modules, since a checked-out branch could otherwise have placed the very
 * program the hook runs. Asking git costs a git process, about 2 ms, on every turn and every
 * session start. So handoff remembers the index the answer was given for, as a hard link to that
 * index file: while `.git/index` is still that very file, the guard asks the shell (`-ef`) and
 * starts no process. Git never writes an index in place, it writes a new file and renames it over
 * the old one, so every change to the index (a checkout above all) makes `.git/index` another file
 * and the guard asks git again. Only handoff writes the link, and only after git answered.
 */

/**
 * Everything under node_modules, in any case: on a case-insensitive file system (macOS, Windows)
 * a branch that tracks `NODE_MODULES/...` is checked out into `node_modules/`.
 */
export const NODE_MODULES_PATHSPEC = ":(icase,literal)node_modules";

const LINK_NAME = "index-checked";

/** The link, relative to a work tree's top level, as the guard names it. */
export const INDEX_CHECKED = `.git/handoff/${LINK_NAME}`;

function sameFile(a: string, b: string): boolean {
  const first = statSync(a, { throwIfNoEntry: false });
  const second = statSync(b, { throwIfNoEntry: false });
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}

/** Links a killed run left behind (`index-checked.<pid>`): each holds an old index on disk. */
function removeLeftovers(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (name.startsWith(`${LINK_NAME}.`)) rmSync(path.join(folder, name), { force: true });
  }
}

/**
 * Asks git whether it tracks anything under the top level's node_modules, and when it tracks
 * nothing, remembers that for the index it asked about. The index is linked before git reads it:
 * had it been replaced in between, the link names a file that is never the index again. Does
 * nothing where the guard would not look (a linked worktree or submodule, whose `.git` is a file)
 * or when the index is the one already remembered. Never throws: without the link, the guard asks
 * git.
 */
export async function rememberIndexCheck(repo: Pick<RepoPaths, "root" | "gitDir">): Promise<void> {
  const folder = handoffFolder(repo.gitDir);
  const index = path.join(repo.gitDir, "index");
  const link = path.join(folder, LINK_NAME);
  const pending = `${link}.${process.pid}`;
  try {
    if (!sameFile(path.join(repo.root, ".git"), repo.gitDir) || sameFile(index, link)) return;
    removeLeftovers(folder);
    linkSync(index, pending);
    const listed = await runGit(repo.root, ["ls-files", "--error-unmatch", "--", NODE_MODULES_PATHSPEC]);
    if (listed.code === 1) renameSync(pending, link);
    else rmSync(link, { force: true });
  } catch {
    // no index yet, a file system without hard links, a read-only git directory: the guard asks git
  } finally {
    rmSync(pending, { force: true });
  }
}

/** Removes the link and any leftovers (uninstall; and install, before it asks git afresh): each keeps an old index on disk. */
export function forgetIndexCheck(gitDir: string): void {
  try {
    removeLeftovers(handoffFolder(gitDir));
    rmSync(path.join(handoffFolder(gitDir), LINK_NAME), { force: true });
  } catch {
    // no handoff folder: nothing to forget
  }
}
