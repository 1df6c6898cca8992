import { displaySafe, openRepo, pullStates, relativeInside, type PulledState } from "@handoff/core/internal";
import { flag, stringOption } from "../args.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { SHARE_OPTIONS } from "./share-options.js";
import {
  nextRestore,
  NOTHING_TO_PULL_HINT,
  nothingToPull,
  pulled as pulledMessage,
  pulledKeptLocal,
  pulledReplaced,
  pulledReplacedUnreadable,
  pulledUnchanged,
  pulledWritten,
} from "../messages/share.js";
import { warning } from "../messages/common.js";

function describe({ agent, file, action, backup }: PulledState): string {
  switch (action) {
    case "written":
      return pulledWritten(agent, file);
    case "replaced":
      return pulledReplaced(agent, file, backup);
    case "replaced-unreadable":
      return pulledReplacedUnreadable(agent, file, backup);
    case "kept-local":
      return pulledKeptLocal(agent, file, backup);
    case "unchanged":
      return pulledUnchanged(agent);
  }
}

const pull: Command = {
  usage: "handoff pull [--remote <R>] [--branch <name>] [--json]",
  summary:
    "Fetch this branch's session states from a git remote (refs/handoff/<branch>) into the state files; a newer local state is never overwritten.",
  options: {
    ...SHARE_OPTIONS,
    branch: { type: "string", value: "name", description: "the branch whose states to fetch (default: the current branch)" },
  },
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const opened = await openRepo(cwd);
    const result = await pullStates({ root: opened.repo.root, config: opened.config, remote: stringOption(parsed, "remote"), branch: stringOption(parsed, "branch") });
    const root = opened.repo.root;
    const relative = (file: string | undefined) => file && (relativeInside(root, file) || file);
    const pulled = result.pulled.map((entry) => ({ ...entry, backup: relative(entry.backup) }));
    if (flag(parsed, "json")) {
      out.json({ ...result, pulled });
      result.notes.forEach((note) => out.note(displaySafe(note)));
      return 0;
    }
    result.notes.forEach((note) => out.note(warning(displaySafe(note))));
    if (!result.commit) {
      // Not an error: a cloud agent's setup runs `handoff pull` whether or not states were pushed.
      out.line(displaySafe(nothingToPull(result.remote, result.branch, result.ref)));
      out.line(NOTHING_TO_PULL_HINT);
      return 0;
    }
    out.line(displaySafe(pulledMessage(result.branch, result.remote, result.ref)));
    for (const entry of pulled) out.line(`   ${displaySafe(describe(entry))}`);
    const first = pulled.find((entry) => entry.action !== "unchanged") ?? pulled[0];
    if (first) out.line(nextRestore(first.agent));
    return 0;
  },
};

export default pull;
