import { readFileSync } from "node:fs";
import { writeFileAtomic } from "@handoff/core";
import { lastRefreshPath } from "./git-folder.js";
import type { RefreshReport } from "./refresh.js";

export interface LastRefresh extends RefreshReport {
  time: string;
  hook: string;
}

export function writeLastRefresh(gitDir: string, hook: string, report: RefreshReport, now = new Date()): void {
  const record: LastRefresh = { time: now.toISOString(), hook, ...report };
  writeFileAtomic(lastRefreshPath(gitDir), `${JSON.stringify(record, null, 2)}\n`);
}

/** What the last background refresh did, or undefined when none has run (or the record is unreadable). */
export function readLastRefresh(gitDir: string): LastRefresh | undefined {
  try {
    return JSON.parse(readFileSync(lastRefreshPath(gitDir), "utf8")) as LastRefresh;
  } catch {
    return undefined;
  }
}
