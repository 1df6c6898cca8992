import { displaySafe, openRepo, pushStates } from "@handoff/core/internal";
import { flag, stringOption } from "../args.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { SHARE_OPTIONS } from "./share-options.js";
import {
  AFTER_PUSH,
  alreadyPushed,
  NOTHING_TO_PUSH,
  NOTHING_TO_PUSH_HINT,
  pushed,
  redactedBeforeCommit,
  remoteAndRef,
  remoteKeepsNewer,
} from "../messages/share.js";
import { warning } from "../messages/common.js";

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
    result.notes.forEach((note) => out.note(warning(displaySafe(note))));
    const where = displaySafe(remoteAndRef(result.remote, result.ref));
    if (nothing) {
      out.line(NOTHING_TO_PUSH);
      out.line(NOTHING_TO_PUSH_HINT);
      return 1;
    }
    if (!result.changed) out.line(alreadyPushed(where));
    else out.line(pushed(displaySafe(result.branch), where, result.sent));
    if (result.keptRemote.length) {
      out.line(remoteKeepsNewer(result.remote, result.keptRemote));
    }
    if (result.redactions) out.line(redactedBeforeCommit(result.redactions));
    out.line(AFTER_PUSH);
    return 0;
  },
};

export default push;
