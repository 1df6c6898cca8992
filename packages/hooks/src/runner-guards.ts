import { realpathSync } from "node:fs";
import path from "node:path";
import { runGit } from "@handoff/core/internal";
import type { RunnerGuard, RunnerTarget } from "./runner-script.js";

/** The work tree around `file`, or undefined when no git work tree holds it. */
async function workTreeOf(file: string): Promise<string | undefined> {
  try {
    const result = await runGit(path.dirname(file), ["rev-parse", "--show-toplevel"]);
    const top = result.stdout.toString("utf8").trim();
    return result.code === 0 && top ? realpathSync(top) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The folder of the work tree that must hold no tracked file for `file` to be trusted: its
 * outermost `node_modules` (everything node may load from there: the package, its dependencies,
 * the symlinks between them), or the file's own folder when it is not in one (a build of handoff).
 */
function guardedFolder(relative: string): string {
  const parts = relative.split(path.sep);
  const modules = parts.indexOf("node_modules");
  return modules === -1 ? parts.slice(0, -1).join("/") || "." : parts.slice(0, modules + 1).join("/");
}

/**
 * Which work trees hold the node binary or the handoff bin the hooks will run: a checkout there
 * could replace them (git overwrites ignored files), so the runner checks those folders first.
 */
export async function guardsFor(target: RunnerTarget): Promise<RunnerGuard[]> {
  const guards: RunnerGuard[] = [];
  for (const file of [target.cli, target.node]) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      continue;
    }
    const tree = await workTreeOf(real);
    if (!tree) continue;
    const guard = { tree, folder: guardedFolder(path.relative(tree, real)) };
    if (!guards.some((known) => known.tree === guard.tree && known.folder === guard.folder)) guards.push(guard);
  }
  return guards;
}
