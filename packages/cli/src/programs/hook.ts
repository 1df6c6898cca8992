import path from "node:path";
import { quickSessionStart } from "@handoff/hooks";
import { readHookPayload } from "../commands/hook-payload.js";

/**
 * `handoff hook <agent> <event>`, what the agents' own hooks run. Its commonest run, a session start
 * with nothing to hand over, comes before the agent's first turn: this small program answers it from
 * the summary the saves keep, and loads nothing else. Everything else (a turn's save, a handoff to
 * give, options, an unusual repository) is the full command's, hook-full.cjs, which gets the
 * payload already read as its last argument (as Codex's notify program gives it).
 */
async function run(): Promise<void> {
  const [agent = "", event, ...rest] = process.argv.slice(3);
  if (event === "session-start" && rest.length === 0 && !agent.startsWith("-") && process.env.HANDOFF_SKIP !== "1") {
    const payload = readHookPayload();
    if (await quickSessionStart({ agent, cwd: process.cwd(), payload })) return;
    process.argv.push("--", payload);
  }
  require(path.join(__dirname, "hook-full.cjs"));
}

void run();
