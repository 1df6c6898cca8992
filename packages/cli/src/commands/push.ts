import { displaySafe, openRepo, pushStates } from "@handoff/core/internal";
import { flag, stringOption } from "../args.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { SHARE_OPTIONS } from "./share-options.js";

const push: Command = {
  usage: "handoff push [--remote <R>] [--json]",
  summary:
    "Send this branch's session states to a git remote, as a commit on refs/handoff/<branch> (redacted; the branch, index and files are not touched).",
  options: SHARE_OPTIONS,
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const opened = await openRepo(cwd);
    const result = await pushStates({ root: opened.repo.root, config: opened.config, remote: stringOption(parsed, "remote") });
    const nothing = result.commit === undefined; // no state here to push
    if (flag(parsed, "json")) {
      out.json(result);
      result.notes.forEach((note) => out.note(displaySafe(note)));
      return nothing ? 1 : 0;
    }
    result.notes.forEach((note) => out.note(`⚠️  ${displaySafe(note)}`));
    const where = displaySafe(`${result.remote} (${result.ref})`);
    if (nothing) {
      out.line("No session state here to push.");
      out.line("   Run: handoff save <agent>   then: handoff push");
      return 1;
    }
    if (!result.changed) out.line(`✅ ${where} already has these states`);
    else out.line(`✅ Pushed the session states of ${displaySafe(result.branch)} to ${where}: ${result.sent.join(", ") || "(none newer)"}`);
    if (result.keptRemote.length) {
      out.line(`   ${result.remote} keeps its newer state for: ${result.keptRemote.join(", ")}; run \`handoff pull\` to get it here`);
    }
    if (result.redactions) out.line(`   🔒 ${result.redactions} secret${result.redactions === 1 ? " was" : "s were"} redacted before the commit`);
    out.line("   On the other machine: handoff pull   then: handoff restore <agent> --prompt");
    return 0;
  },
};

export default push;
