import { writeSync } from "node:fs";
import path from "node:path";
import { quickSessionStart, runAgentHook } from "@handoff/hooks";
import { readHookPayload } from "../commands/hook-payload.js";
import { runQueuedSaves } from "../commands/hook-saves.js";

const STDOUT = 1;

/**
 * `handoff hook <agent> <event> [payload]`, what the agents' own hooks run; a small program, since
 * the agent waits for it. A turn's hook queues the save and starts it in the background; a session
 * start with nothing to hand over (the common case, before the agent's first turn) is answered
 * from the summary of the newest state. Everything else (a handoff to give, no summary to answer
 * from, options such as --help) runs the full command, hook-full.cjs, which gets the payload
 * already read as its last argument (as Codex's notify program gives it).
 */
async function run(): Promise<void> {
  const [agent = "", event = "", ...rest] = process.argv.slice(3);
  const plain = rest.length <= 1 && [agent, event, ...rest].every((arg) => !arg.startsWith("-"));
  if (plain) {
    if (process.env.HANDOFF_SKIP === "1") return;
    const cwd = process.cwd();
    if (event !== "session-start") {
      // One `handoff hook`: the same code as the full command's, without the session start's.
      await runAgentHook({
        agent,
        event,
        cwd,
        payload: () => Promise.resolve(rest[0] ?? readHookPayload()),
        answer: (text) => writeSync(STDOUT, `${text}\n`),
        runSaves: (name, wait) => runQueuedSaves(name, cwd, wait),
      });
      return;
    }
    if (rest.length === 0) {
      const payload = readHookPayload();
      if (await quickSessionStart({ agent, cwd, payload })) return;
      process.argv.push("--", payload);
    }
  }
  require(path.join(__dirname, "hook-full.cjs"));
}

void run();
