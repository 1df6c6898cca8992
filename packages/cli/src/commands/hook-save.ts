import { isHookAgent, runQueuedAgentSaves } from "@handoff/hooks";
import type { Command } from "./command.js";

const hookSave: Command = {
  usage: "handoff hook-save <agent>",
  summary: [
    "The saves the agent hooks queued for <agent> (`handoff hook` starts it in the background). It",
    "prints only the answer a rate-limited turn's save has for the agent, never fails, and logs",
    "problems to the hook log.",
  ].join("\n"),
  options: {},
  async run(parsed, { cwd, out }) {
    const [agent = ""] = parsed.positionals;
    if (!isHookAgent(agent)) return 0;
    const answer = await runQueuedAgentSaves({ agent, cwd });
    if (answer) out.line(answer);
    return 0;
  },
};

export default hookSave;
