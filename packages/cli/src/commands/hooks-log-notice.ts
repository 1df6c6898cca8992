import { displaySafe, relativeInside } from "@handoff/core/internal";
import { hookLogPath, hookRunnerInstalled, unresolvedHookErrors } from "@handoff/hooks";
import { age } from "./age.js";
import { hookErrorsLogged, NO_HOOKS_HERE, seeHookLog } from "../messages/status.js";

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
  const firstLine = last.message.split("\n")[0] ?? "";
  return [
    hookErrorsLogged(errors.length, last.hook, age(last.time.toISOString()), displaySafe(firstLine)),
    seeHookLog(displaySafe(log)),
  ];
}
