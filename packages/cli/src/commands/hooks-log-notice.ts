import { displaySafe, relativeInside } from "@handoff/core/internal";
import { hookLogPath, hookRunnerInstalled, unresolvedHookErrors } from "@handoff/hooks";
import { age } from "./age.js";

/** The one line `handoff status` shows when states went stale because this clone has no hooks. */
export const NO_HOOKS_HERE =
  "⚠️  States go stale here: the git hooks are not installed in this clone. Run `npx handoff hooks install` (or the project's install, where `handoff init` added its prepare step)";

/**
 * Lines for `handoff status`: why states are stale when the git hooks are not installed in this
 * clone, or the hook log's errors of the last 7 days that are not resolved yet (a refresh has not
 * succeeded since, and `handoff doctor --fix` has not cleared them), which say why the hooks could
 * not run: handoff gone, node gone, a handoff they would not trust; none otherwise.
 */
export function hookLogNotice(root: string, gitDir: string, { stale = false } = {}): string[] {
  if (stale && !hookRunnerInstalled(gitDir)) return [NO_HOOKS_HERE];
  const errors = unresolvedHookErrors(gitDir);
  const last = errors.at(-1);
  if (!last) return [];
  const log = relativeInside(root, hookLogPath(gitDir)) ?? hookLogPath(gitDir);
  const count = errors.length === 1 ? "an error" : `${errors.length} errors`;
  const firstLine = last.message.split("\n")[0] ?? "";
  return [
    `⚠️  The git hooks logged ${count} in the last 7 days; the latest (${last.hook}, ${age(last.time.toISOString())}): ${displaySafe(firstLine)}`,
    `   See ${displaySafe(log)}; once the cause is fixed, \`handoff doctor --fix\` clears it`,
  ];
}
