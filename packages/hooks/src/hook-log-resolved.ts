import { readFileSync } from "node:fs";
import { lastRefreshPath } from "./git-folder.js";
import { appendHookLog, readHookLog, recentHookErrors, type HookLogEntry } from "./hook-log.js";

/** The INFO entry `handoff doctor --fix` writes: the errors before it are dealt with. */
const RESOLVED_HOOK = "doctor";
const RESOLVED_MESSAGE = "earlier errors marked as resolved (handoff doctor --fix)";

/** When the last background refresh ran without a failure; undefined when unknown. */
function lastCleanRefresh(gitDir: string): Date | undefined {
  try {
    const text = readFileSync(lastRefreshPath(gitDir), "utf8");
    if (text.length > 64 * 1024) return undefined;
    const record = JSON.parse(text) as { time?: unknown; failed?: unknown };
    if (typeof record.time !== "string" || !Array.isArray(record.failed) || record.failed.length > 0) return undefined;
    const time = new Date(record.time);
    return Number.isNaN(time.getTime()) ? undefined : time;
  } catch {
    return undefined;
  }
}

function lastResolvedMark(entries: readonly HookLogEntry[]): Date | undefined {
  return entries.findLast((entry) => entry.level === "INFO" && entry.hook === RESOLVED_HOOK && entry.message === RESOLVED_MESSAGE)?.time;
}

/**
 * The recent hook errors that still matter: those logged after the last refresh that succeeded
 * and after the last `handoff doctor --fix`. A fixed cause stops being reported at once, rather
 * than for the seven days an error stays recent.
 */
export function unresolvedHookErrors(gitDir: string): HookLogEntry[] {
  const marks = [lastCleanRefresh(gitDir), lastResolvedMark(readHookLog(gitDir))].filter((time): time is Date => time !== undefined);
  const since = marks.length ? new Date(Math.max(...marks.map((time) => time.getTime()))) : undefined;
  return recentHookErrors(gitDir).filter((entry) => !since || entry.time > since);
}

/** Marks every error logged so far as dealt with; the log itself is kept. */
export function markHookErrorsResolved(gitDir: string, now = new Date()): void {
  appendHookLog(gitDir, "INFO", RESOLVED_HOOK, RESOLVED_MESSAGE, now);
}
