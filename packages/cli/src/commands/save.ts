import { agentIn, displaySafe, openRepo, saveSession } from "@handoff/core/internal";
import { flag } from "../args.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { printSaveNotes } from "./save-notes.js";
import { askGithub, GITHUB_OPTIONS, saveInputFrom, TASK_OPTIONS } from "./save-options.js";
import { schemaReference, withSchemaFirst } from "./schema-reference.js";
import { FROM_SESSION_OPTION } from "./session-options.js";
import { hasFreeText } from "./free-text.js";
import { stateSavedTo } from "../messages/common.js";

const save: Command = {
  usage: "handoff save <agent> [options]",
  summary: "Save the agent's session state: git from the repository, the task from the options or the last save.",
  options: {
    ...TASK_OPTIONS,
    ...GITHUB_OPTIONS,
    ...FROM_SESSION_OPTION,
    json: { type: "boolean", description: "print the saved state as JSON (and nothing else) on stdout" },
    schema: { type: "boolean", description: 'add a "$schema" reference so editors validate the file (kept on later saves)' },
  },
  async run(parsed, { cwd, out }) {
    const [agent] = takePositionals(parsed, ["agent"]);
    const opened = await openRepo(cwd);
    // Resolved first: an unknown agent is bad usage before any session is read for it.
    const info = agentIn(opened, agent!);
    const schema = flag(parsed, "schema") ? schemaReference(opened.repo.root, info.file) : undefined;
    const typed = saveInputFrom(parsed);
    const given = hasFreeText(typed) ? await (await import("./redact-input.js")).redactedInput(out, typed) : typed;
    const result = await saveSession({
      cwd,
      agent: info.name,
      input: flag(parsed, "from-session")
        ? await (await import("./session-input.js")).inputWithSession(out, { agent: info.name, root: opened.repo.root, given, reportMissing: true })
        : given,
      opened,
      github: askGithub(parsed),
      finish: (state) => withSchemaFirst(state, schema),
    });
    printSaveNotes(out, result);
    if (flag(parsed, "json")) out.json(result.state);
    else out.line(out.tone(stateSavedTo(displaySafe(result.agent.file))));
  },
};

export default save;
