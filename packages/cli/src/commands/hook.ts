import { findExecutable } from "@handoff/core";
import { runAgentHook } from "@handoff/hooks";
import type { Command } from "./command.js";
import { readHookPayload } from "./hook-payload.js";

/**
 * Runs `handoff hook-save <agent>`, the saves the hook queued: detached with no stdio, so that the
 * agent's turn never waits for them (bench/agent-hooks.mjs measures how soon the state is complete);
 * or, with `wait`, to the end, for its answer (after a rate limit).
 */
async function runSaves(agent: string, cwd: string, wait: boolean): Promise<string | undefined> {
  const { spawn, spawnSync } = await import("node:child_process");
  const command = [process.execPath, process.argv[1] ?? "", "hook-save", agent];
  if (wait) return spawnSync(command[0]!, command.slice(1), { cwd, stdio: ["ignore", "pipe", "ignore"], encoding: "utf8" }).stdout.trim() || undefined;
  // Niced, as the git hooks' refresh is: the save yields the CPU to the agent and to its next turn.
  const nice = findExecutable("nice");
  const [program, ...args] = nice ? [nice, "-n", "10", ...command] : command;
  spawn(program!, args, { cwd, detached: true, stdio: "ignore" }).unref();
  return undefined;
}

const hook: Command = {
  usage: "handoff hook <agent> <event> [payload]",
  summary: [
    "What the agents' own hooks run (written by `handoff hooks install`): after each turn it saves",
    "the agent's state, at a session start it prints the handoff another agent left, once. It prints",
    "only the answer the agent expects, never fails the agent's turn, and logs problems to the hook",
    "log. The payload comes on stdin (Codex's notify program passes it as the last argument). A turn's",
    "save runs in the background (`handoff hook-save <agent>`), after the hook returned.",
  ].join("\n"),
  options: {},
  async run(parsed, { cwd, out }) {
    const [agent = "", event = "", argument] = parsed.positionals;
    await runAgentHook({
      agent,
      event,
      cwd,
      payload: () => Promise.resolve(argument ?? readHookPayload()),
      answer: (text) => out.line(text),
      runSaves: (name, wait) => runSaves(name, cwd, wait),
    });
    return 0;
  },
};

export default hook;
