/** `handoff push` and `handoff pull`. */
import { countOf } from "./common.js";

export const remoteAndRef = (remote: string, ref: string) => `${remote} (${ref})`;

export const NOTHING_TO_PUSH = "No session state here to push.";
export const NOTHING_TO_PUSH_HINT = "   Run: handoff save <agent>   then: handoff push";
export const alreadyPushed = (where: string) => `✅ ${where} already has these states`;
export const pushed = (branch: string, where: string, sent: string[]) =>
  `✅ Pushed the session states of ${branch} to ${where}: ${sent.join(", ") || "(none newer)"}`;
export const remoteKeepsNewer = (remote: string, agents: string[]) =>
  `   ${remote} keeps its newer state for: ${agents.join(", ")}; run \`handoff pull\` to get it here`;
export const redactedBeforeCommit = (count: number) => `   🔒 ${countOf(count, "secret")} ${count === 1 ? "was" : "were"} redacted before the commit`;
export const AFTER_PUSH = "   On the other machine: handoff pull   then: handoff restore <agent> --prompt";

export const pulledWritten = (agent: string, file: string) => `${agent}: written to ${file}`;
export const pulledReplaced = (agent: string, file: string, backup: string | undefined) =>
  `${agent}: the remote's state is newer and replaced ${file}; the local one was kept as ${backup}`;
export const pulledReplacedUnreadable = (agent: string, file: string, backup: string | undefined) =>
  `${agent}: ${file} could not be read; it was moved to ${backup} and the remote's state written`;
export const pulledKeptLocal = (agent: string, file: string, backup: string | undefined) =>
  `${agent}: the local state is newer and stays in ${file}; the remote's was kept as ${backup}`;
export const pulledUnchanged = (agent: string) => `${agent}: already up to date`;
export const nothingToPull = (remote: string, branch: string, ref: string) => `${remote} has no session states for ${branch} (${ref}).`;
export const NOTHING_TO_PULL_HINT = "   On the machine that has them: handoff push";
export const pulled = (branch: string, remote: string, ref: string) => `✅ Pulled the session states of ${branch} from ${remote} (${ref}):`;
export const nextRestore = (agent: string) => `   Next: handoff restore ${agent} --prompt`;
