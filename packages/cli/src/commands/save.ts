import { displaySafe, saveSession } from "@handoff/core";
import { flag } from "../args.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { printSaveNotes } from "./save-notes.js";
import { saveInputFrom, TASK_OPTIONS } from "./save-options.js";

const save: Command = {
  usage: "handoff save <agent> [options]",
  summary: "Save the agent's session state: git from the repository, the task from the options or the last save.",
  options: {
    ...TASK_OPTIONS,
    json: { type: "boolean", description: "print the saved state as JSON (and nothing else) on stdout" },
  },
  async run(parsed, { cwd, out }) {
    const [agent] = takePositionals(parsed, ["agent"]);
    const result = await saveSession({ cwd, agent: agent!, input: saveInputFrom(parsed) });
    printSaveNotes(out, result);
    if (flag(parsed, "json")) out.json(result.state);
    else out.line(`✅ Session state saved to ${displaySafe(result.agent.file)}`);
  },
};

export default save;
