import path from "node:path";
import { displaySafe } from "@handoff/core";
import { hookLogPath, unresolvedHookErrors } from "@handoff/hooks";
import { age } from "./age.js";

/**
 * Lines for `handoff status` when the git hooks logged errors in the last 7 days that are not
 * resolved yet (a refresh has not succeeded since, and `handoff doctor --fix` has not cleared
 * them); none otherwise.
 */
export function hookLogNotice(root: string, gitDir: string): string[] {
  const errors = unresolvedHookErrors(gitDir);
  const last = errors.at(-1);
  if (!last) return [];
  const log = path.relative(root, hookLogPath(gitDir));
  const count = errors.length === 1 ? "an error" : `${errors.length} errors`;
  const firstLine = last.message.split("\n")[0] ?? "";
  return [
    `⚠️  The git hooks logged ${count} in the last 7 days; the latest (${last.hook}, ${age(last.time.toISOString())}): ${displaySafe(firstLine)}`,
    `   See ${displaySafe(log.startsWith("..") ? hookLogPath(gitDir) : log)}; once the cause is fixed, \`handoff doctor --fix\` clears it`,
  ];
}
