import { displaySafe, isHandoffError } from "@handoff/core/internal";
import { installHooks, uninstallHooks } from "@handoff/hooks";
import type { Output } from "../output.js";
import { installAndReportAgentHooks, uninstallAndReportAgentHooks } from "./agent-hooks-report.js";
import { currentHandoff, printInstall, printPrepared, printUninstall } from "./hooks-report.js";
import { PREPARE_NOT_IN_GIT, prepareFailed } from "../messages/setup.js";

/**
 * `handoff hooks install` and `uninstall`, the git hooks and the agents' own hooks: loaded only for
 * them, never by the hooks themselves. The exit code is the agent hooks' (1 for a file left alone).
 */
export async function install(cwd: string, out: Output, agents: string | undefined): Promise<number> {
  const installed = await installHooks({ cwd, target: currentHandoff() });
  printInstall(out, installed);
  const { root, gitDir } = installed.locations;
  return installAndReportAgentHooks(out, { root, gitDir, agents });
}

export async function uninstall(cwd: string, out: Output): Promise<number> {
  const removed = await uninstallHooks(cwd);
  printUninstall(out, removed);
  return uninstallAndReportAgentHooks(out, { root: removed.locations.root, gitDir: removed.locations.gitDir });
}

/**
 * `handoff hooks install --prepare`, what the package.json `prepare` script that `handoff init`
 * adds runs in every clone on `npm install`: one line of output, nothing outside a git work tree
 * (a package built from a tarball, a Docker build), and never a failed install.
 */
export async function installForPrepare(cwd: string, out: Output): Promise<void> {
  try {
    printPrepared(out, await installHooks({ cwd, target: currentHandoff() }));
  } catch (error) {
    if (isHandoffError(error) && error.code === "E_NOT_GIT_REPO") {
      out.note(PREPARE_NOT_IN_GIT);
    } else {
      out.note(prepareFailed(displaySafe(String((error as Error).message ?? error).split("\n")[0] ?? "")));
    }
  }
}
