import { HOOK_NAMES, installHooks, isHookName, runHook, uninstallHooks } from "@handoff/hooks";
import { stringOption } from "../args.js";
import { UsageError } from "../errors.js";
import { AGENTS_OPTION } from "./agent-hooks-option.js";
import type { Command } from "./command.js";
import { currentHandoff, printInstall, printUninstall } from "./hooks-report.js";

const ACTIONS = ["install", "uninstall", "run"] as const;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const hooks: Command = {
  usage: "handoff hooks install | uninstall | run <hook> [-- <git's arguments>]",
  summary: [
    "Git hooks that keep every agent's saved state in step with git (commit, branch switch, merge,",
    "rebase, amend) and check STRICT rules before a push. `install` writes them (into .husky/ in a",
    "husky repo, otherwise into git's hooks folder, keeping any hook already there); `uninstall`",
    "restores what was there; `run` is what the installed hooks call. `install` also writes the agents'",
    "own hooks (save after every turn, hand over at session start; docs/agent-hooks.md) and the",
    "AGENTS.md block; `uninstall` takes them out again.",
    "HANDOFF_SKIP=1 turns them off; HANDOFF_DEBUG=1 traces them.",
  ].join("\n"),
  options: { ...AGENTS_OPTION },
  async run(parsed, { cwd, out }) {
    const [action, hook, ...gitArgs] = parsed.positionals;
    if (action === "install" || action === "uninstall") {
      if (hook !== undefined) throw new UsageError(`unexpected argument "${hook}"`);
      if (action === "install") {
        const installed = await installHooks({ cwd, target: currentHandoff() });
        printInstall(out, installed);
        const { root, gitDir } = installed.locations;
        const { installAndReportAgentHooks } = await import("./agent-hooks-report.js");
        return installAndReportAgentHooks(out, { root, gitDir, agents: stringOption(parsed, "agents") });
      }
      const removed = await uninstallHooks(cwd);
      printUninstall(out, removed);
      const { uninstallAndReportAgentHooks } = await import("./agent-hooks-report.js");
      return uninstallAndReportAgentHooks(out, { root: removed.locations.root, gitDir: removed.locations.gitDir });
    }
    if (action !== "run") {
      throw new UsageError(action === undefined ? `missing <action>: one of ${ACTIONS.join(", ")}` : `unknown action "${action}": use ${ACTIONS.join(", ")}`);
    }
    if (hook === undefined || !isHookName(hook)) {
      throw new UsageError(`${hook === undefined ? "missing <hook>" : `unknown hook "${hook}"`}: one of ${HOOK_NAMES.join(", ")}`);
    }
    // git shows a hook's output on stderr; keep stdout for nothing.
    return runHook({ hook, args: gitArgs, cwd, readStdin, out: (line) => out.note(line) });
  },
};

export default hooks;
