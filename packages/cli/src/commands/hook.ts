import { runAgentHook, sessionStartAnswer } from "@handoff/hooks";
import type { Command } from "./command.js";
import { readHookPayload } from "./hook-payload.js";
import { runQueuedSaves } from "./hook-saves.js";

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
      runSaves: (name, wait) => runQueuedSaves(name, cwd, wait),
      sessionStart: sessionStartAnswer,
    });
    return 0;
  },
};

export default hook;
