import path from "node:path";
import { isInside, listDir, modifiedAt, readFirstLine, readHeadRecords } from "./files.js";
import type { FoundSession } from "./types.js";
import { asArray, asObject, asString, parseJson, type JsonObject } from "./values.js";

/**
 * Where Codex CLI keeps rollouts, and how to tell which directory one was recorded in.
 *
 * - `<CODEX_HOME>/sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl`, and the rollouts the user
 *   archived, moved to `<CODEX_HOME>/archived_sessions/` (openai/codex codex-rs/core/src/rollout.rs:
 *   `SESSIONS_SUBDIR`, `ARCHIVED_SESSIONS_SUBDIR`).
 * - Since mid 2025 the first line is `{"type":"session_meta","payload":{id, cwd, ...}}`. Earlier
 *   rollouts start with a bare header `{id, timestamp, instructions, git?}` (some 0.3x ones with a
 *   `cwd`), followed by `{"record_type":"state"}` markers and bare response items; their directory
 *   is in the first `<environment_context>` message (`<cwd>…</cwd>`).
 */
export const ROLLOUT_FOLDERS = ["sessions", "archived_sessions"] as const;

/** How far a search for the repository's rollout goes before it says where it stopped. */
const MAX_CHECKED = 5000;
const MAX_SEARCH_MS = 4000;

export interface RolloutHead {
  id?: string;
  cwd?: string;
  /** "session_meta", "legacy" (before session_meta), or undefined when the format is not known. */
  format?: "session_meta" | "legacy";
}

function rolloutFiles(store: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of listDir(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.startsWith("rollout-") && entry.name.endsWith(".jsonl")) files.push(full);
    }
  };
  for (const folder of ROLLOUT_FOLDERS) walk(path.join(store, folder), 0);
  return files;
}

/** `<cwd>…</cwd>` in an `<environment_context>` message, whether wrapped in a `payload` or bare. */
function environmentCwd(records: JsonObject[]): string | undefined {
  for (const record of records.slice(0, 50)) {
    const item = asObject(record.payload) ?? record;
    if (item.type !== "message") continue;
    for (const part of asArray(item.content)) {
      const match = /<cwd>([^<]+)<\/cwd>/.exec(asString(asObject(part)?.text) ?? "");
      if (match) return match[1]!.trim();
    }
  }
  return undefined;
}

/** A bare header of the rollouts written before `session_meta`: an id and a timestamp, no type. */
export function isLegacyHeader(record: JsonObject | undefined): boolean {
  return record !== undefined && record.type === undefined && typeof record.id === "string" && typeof record.timestamp === "string";
}

/** The session's id, directory and format, from its first line (which can be long) and, when needed, the next ones. */
export function readRolloutHead(file: string): RolloutHead {
  const first = asObject(parseJson(readFirstLine(file)));
  const later = () => environmentCwd(readHeadRecords(file));
  if (first?.type === "session_meta") {
    const meta = asObject(first.payload) ?? {};
    return { format: "session_meta", id: asString(meta.id), cwd: asString(meta.cwd) ?? later() };
  }
  if (isLegacyHeader(first)) return { format: "legacy", id: asString(first!.id), cwd: asString(first!.cwd) ?? later() };
  return {};
}

export interface RolloutSearch {
  session?: FoundSession;
  notes: string[];
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The newest rollout recorded in `root` or a folder inside it, newest first through every rollout
 * (live and archived), until one is found or the search has read enough; then it says where it stopped.
 */
export function findRollout(store: string, root: string, now: () => number = Date.now): RolloutSearch {
  const newestFirst = rolloutFiles(store)
    .map((file) => ({ file, updatedAt: modifiedAt(file) }))
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const started = now();
  let unreadable = 0;
  let checked = 0;
  let reached = started;
  for (const { file, updatedAt } of newestFirst) {
    if (checked >= MAX_CHECKED || now() - started > MAX_SEARCH_MS) {
      const rest = newestFirst.length - checked;
      const notes = [
        `no Codex CLI session for this repository among the ${checked} newest rollouts in ${path.join(store, "sessions")} and ${path.join(store, "archived_sessions")} (back to ${day(reached)}); ${rest} older rollout(s) were not searched`,
      ];
      if (unreadable) notes.push(`${unreadable} rollout(s) unreadable (format not known)`);
      return { notes };
    }
    checked++;
    reached = updatedAt;
    const head = readRolloutHead(file);
    if (!head.format) {
      unreadable++;
      continue;
    }
    if (isInside(head.cwd, root)) {
      return { session: { file, id: head.id ?? path.basename(file, ".jsonl"), updatedAt }, notes: [] };
    }
  }
  const notes = [`no Codex CLI session for this repository in ${path.join(store, "sessions")} or ${path.join(store, "archived_sessions")} (${checked} rollout(s) searched)`];
  if (unreadable) notes.push(`${unreadable} rollout(s) unreadable (format not known)`);
  return { notes };
}
