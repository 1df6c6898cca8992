import { HOOK_NAMES, isHookName, PRE_PUSH_BLOCKED, runHook } from "@handoff/hooks";
import { stringOption } from "../args.js";
import { UsageError } from "../errors.js";
import { AGENTS_OPTION } from "./agent-hooks-option.js";
import type { Command } from "./command.js";
import { unexpectedArgument } from "../messages/common.js";
import { badHook, missingAction, PREPARE_ONLY_WITH_INSTALL, unknownAction } from "../messages/setup.js";

const ACTIONS = ["install", "uninstall", "run"] as const;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const hooks: Command = {
  usage: "handoff hooks install [--prepare] | uninstall | run <hook> [-- <git's arguments>]",
  summary: [
    "Git hooks that keep every agent's saved state in step with git (commit, branch switch, merge,",
    "rebase, amend) and check STRICT rules before a push. `install` writes them (into .husky/ in a",
    "husky repo, otherwise into git's hooks folder, keeping any hook already there); `uninstall`",
    "restores what was there; `run` is what the installed hooks call. `install` also writes the agents'",
    "own hooks (save after every turn, hand over at session start; docs/agent-hooks.md) and the",
    "AGENTS.md block; `uninstall` takes them out again.",
    "HANDOFF_SKIP=1 turns them off; HANDOFF_DEBUG=1 traces them.",
  ].join("\n"),
  options: {
    ...AGENTS_OPTION,
    prepare: {
      type: "boolean",
      description:
        "with install: what a package.json `prepare` script runs (`handoff init` adds one): one line, nothing outside a git work tree, never fails",
    },
  },
  async run(parsed, { cwd, out }) {
    const [action, hook, ...gitArgs] = parsed.positionals;
    if (parsed.values.prepare && action !== "install") throw new UsageError(PREPARE_ONLY_WITH_INSTALL);
    if (action === "install" || action === "uninstall") {
      if (hook !== undefined) throw new UsageError(unexpectedArgument(hook));
      // Loaded only here: the hooks themselves (`run`) never pay for the installer.
      const setup = await import("./hooks-setup.js");
      if (action === "uninstall") return setup.uninstall(cwd, out);
      if (parsed.values.prepare) {
        await setup.installForPrepare(cwd, out);
        return 0;
      }
      return setup.install(cwd, out, stringOption(parsed, "agents"));
    }
    if (action !== "run") {
      throw new UsageError(action === undefined ? missingAction(ACTIONS) : unknownAction(action, ACTIONS));
    }
    if (hook === undefined || !isHookName(hook)) {
      throw new UsageError(badHook(hook, HOOK_NAMES));
    }
    // git shows a hook's output on stderr; stdout carries only pre-push's verdict, for the runner,
    // which lets a push go when the check could not run (a crash) and blocks it only on this word.
    const code = await runHook({ hook, args: gitArgs, cwd, readStdin, out: (line) => out.note(line) });
    if (hook === "pre-push" && code !== 0) out.line(PRE_PUSH_BLOCKED);
    return code;
  },
};

export default hooks;
