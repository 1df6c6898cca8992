import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hookLogPath } from "./git-folder.js";

export type HookLogLevel = "ERROR" | "WARN" | "INFO";

export interface HookLogEntry {
  time: Date;
  level: HookLogLevel;
  hook: string;
  message: string;
}

/** The log keeps its newest entries within this size; older ones are dropped. */
export const MAX_HOOK_LOG_BYTES = 256 * 1024;

const ENTRY_START = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z) (ERROR|WARN|INFO) ([\w-]+): ?(.*)$/;

function formatEntry(level: HookLogLevel, hook: string, message: string, now: Date): string {
  // Continuation lines are indented, so that every entry starts with its timestamp.
  const body = message.trimEnd().replace(/\r?\n/g, "\n    ");
  return `${now.toISOString()} ${level} ${hook}: ${body}\n`;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * Keeps the newest half of an oversized log, cut at the start of an entry: after a newline that
 * no indented continuation line follows. Counted in bytes, as the cap is.
 */
function trimmed(log: Buffer): Buffer {
  let cut = log.indexOf(NEWLINE, Math.max(0, log.length - Math.floor(MAX_HOOK_LOG_BYTES / 2)));
  while (cut !== -1 && log[cut + 1] === SPACE) cut = log.indexOf(NEWLINE, cut + 1);
  return cut === -1 ? Buffer.alloc(0) : log.subarray(cut + 1);
}

/**
 * Appends one entry to `<git-dir>/handoff/hooks.log`. Never throws: a hook whose log cannot be
 * written must still leave the user's git command alone.
 */
export function appendHookLog(gitDir: string, level: HookLogLevel, hook: string, message: string, now = new Date()): void {
  const file = hookLogPath(gitDir);
  const entry = Buffer.from(formatEntry(level, hook, message, now));
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      // no log yet
    }
    if (size + entry.length > MAX_HOOK_LOG_BYTES) writeFileSync(file, Buffer.concat([trimmed(readFileSync(file)), entry]));
    else appendFileSync(file, entry);
  } catch {
    // Nowhere left to report to; the hook stays silent by design.
  }
}

/** Every entry of the hook log, oldest first; an absent log has none. */
export function readHookLog(gitDir: string): HookLogEntry[] {
  let text: string;
  try {
    text = readFileSync(hookLogPath(gitDir), "utf8");
  } catch {
    return [];
  }
  const entries: HookLogEntry[] = [];
  for (const line of text.split("\n")) {
    const match = ENTRY_START.exec(line);
    if (match) {
      entries.push({ time: new Date(match[1]!), level: match[2] as HookLogLevel, hook: match[3]!, message: match[4]! });
    } else if (line.startsWith("    ") && entries.length > 0) {
      entries.at(-1)!.message += `\n${line.slice(4)}`;
    }
  }
  return entries;
}

/** How far back `handoff status` looks for hook errors. */
const RECENT_ERRORS_MS = 7 * 24 * 60 * 60 * 1000;

/** The hook errors logged since `since` (the last 7 days by default), oldest first. */
export function recentHookErrors(gitDir: string, since = new Date(Date.now() - RECENT_ERRORS_MS)): HookLogEntry[] {
  return readHookLog(gitDir).filter((entry) => entry.level === "ERROR" && entry.time >= since);
}
