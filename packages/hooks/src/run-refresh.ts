import { resolveRepo, sleep } from "@handoff/core/internal";
import { afterQueuedEvents } from "./coalesce.js";
import { errorText } from "./error-text.js";
import type { RefreshHook } from "./hook-names.js";
import { appendHookLog } from "./hook-log.js";
import { writeLastRefresh } from "./last-refresh.js";
import { refreshAgentStates } from "./refresh.js";
import { rebaseInProgress, refreshDecision } from "./trigger.js";

export type Trace = (message: string) => void;

/** How long a refresh waits for a finishing rebase to clean up its folder before reading git. */
const REBASE_SETTLE_MS = 3_000;
const POLL_MS = 25;

/**
 * post-rewrite runs before git removes `rebase-merge/` (and, with `--apply`, before it moves the
 * branch back to HEAD): wait until the rebase has really ended, or give up and record it as running
 * (a rebase stopped on a conflict; its end queues a refresh of its own).
 */
async function waitForRebaseToEnd(gitDir: string): Promise<void> {
  const deadline = Date.now() + REBASE_SETTLE_MS;
  while (rebaseInProgress(gitDir) && Date.now() < deadline) await sleep(POLL_MS);
}

/**
 * What a post-commit, post-checkout, post-merge or post-rewrite hook does (in the background):
 * refresh the git part of the existing state files, after the events queued before it. Never throws;
 * every failure goes to `<git-dir>/handoff/hooks.log`.
 */
export async function runRefreshHook(hook: RefreshHook, args: readonly string[], cwd: string, trace: Trace): Promise<void> {
  let gitDir: string | undefined;
  try {
    const repo = await resolveRepo(cwd);
    gitDir = repo.gitDir;
    const decision = refreshDecision(hook, args);
    trace(`${decision.refresh ? "refreshing" : "nothing to do"}: ${decision.reason}`);
    if (!decision.refresh) return;

    const report = await afterQueuedEvents(repo.gitDir, async () => {
      await waitForRebaseToEnd(repo.gitDir);
      return refreshAgentStates(repo);
    });
    for (const file of report.refreshed) trace(`refreshed ${file} (branch ${report.branch || "(detached)"}, HEAD ${report.head})`);
    for (const file of report.tracked) {
      appendHookLog(repo.gitDir, "WARN", hook, `${file} is tracked by git, so the hooks leave it alone; untrack it with \`git rm --cached ${file}\``);
    }
    for (const failure of report.failed) appendHookLog(repo.gitDir, "ERROR", hook, `${failure.file}: ${failure.message}`);
    if (report.refreshed.length + report.tracked.length + report.failed.length === 0) trace("no agent state file here; nothing written");
    writeLastRefresh(repo.gitDir, hook, report);
  } catch (error) {
    trace(`failed: ${errorText(error)}`);
    if (gitDir) appendHookLog(gitDir, "ERROR", hook, errorText(error));
  }
}
