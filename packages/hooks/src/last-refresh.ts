import { writeFileAtomic } from "@handoff/core/internal";
import { lastRefreshPath } from "./git-folder.js";
import type { RefreshReport } from "./refresh.js";

interface LastRefresh extends RefreshReport {
  time: string;
  hook: string;
}

/** Records what a background refresh did in `<git-dir>/handoff/last-refresh.json` (see lastRefreshPath). */
export function writeLastRefresh(gitDir: string, hook: string, report: RefreshReport, now = new Date()): void {
  const record: LastRefresh = { time: now.toISOString(), hook, ...report };
  writeFileAtomic(lastRefreshPath(gitDir), `${JSON.stringify(record, null, 2)}\n`);
}
