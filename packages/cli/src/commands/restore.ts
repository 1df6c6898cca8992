import { displaySafe, loadSession, renderPrompt, renderRestoreView } from "@handoff/core";
import { flag } from "../args.js";
import { UsageError } from "../errors.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";

const restore: Command = {
  usage: "handoff restore <agent> [--json | --prompt]",
  summary: "Show the agent's saved session; a state the repository has moved past is refreshed first.",
  options: {
    json: { type: "boolean", description: "print only the state JSON on stdout" },
    prompt: { type: "boolean", description: "print the Markdown prompt for the next agent" },
  },
  async run(parsed, { cwd, out }) {
    const [agent] = takePositionals(parsed, ["agent"]);
    if (flag(parsed, "json") && flag(parsed, "prompt")) throw new UsageError("--json and --prompt cannot be combined");
    const loaded = await loadSession({ cwd, agent: agent! });
    for (const repair of loaded.repairs) out.note(`🔧 Repaired ${displaySafe(loaded.agent.file)}: ${repair}`);
    if (loaded.freshness === "refreshed") out.note("🔄 The repository changed since this state was saved; its git part was refreshed");
    if (flag(parsed, "json")) out.json(loaded.state);
    else if (flag(parsed, "prompt")) out.line(renderPrompt(loaded.state));
    else out.line(renderRestoreView(loaded.state));
  },
};

export default restore;
