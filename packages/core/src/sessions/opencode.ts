import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { modifiedAt } from "./files.js";
import { jsonSessionAt, jsonSessionFile, jsonSessions, jsonTranscript } from "./opencode-json.js";
import { readTranscript, type OpencodeSession } from "./opencode-records.js";
import { sqliteSession, sqliteSessions, sqliteTranscript, type SqliteDatabase } from "./opencode-sqlite.js";
import { openSqlite } from "./sqlite/open.js";
import type { SessionEnvironment, SessionLookup, SessionReader } from "./types.js";

/**
 * OpenCode keeps its sessions under `<data>`, which is `$XDG_DATA_HOME/opencode` (by default
 * ~/.local/share/opencode): in `opencode.db` since OpenCode 1.2 (opencode-sqlite.ts), before that
 * in `storage/` (opencode-json.ts). The database is read first; sessions only the older folder has
 * (an install that never migrated them) are still found there.
 */
function storeDir(where: SessionEnvironment): string {
  return handoffOverride("opencode", where) ?? path.join(fromVariable(where, "XDG_DATA_HOME") ?? path.join(where.home, ".local", "share"), "opencode");
}

const newest = (sessions: OpencodeSession[]) => [...sessions].sort((a, b) => b.updatedAt - a.updatedAt)[0];

/** Runs `work` on the database, or says why it cannot: no such file, a read that failed. */
async function withDatabase<T>(file: string, work: (db: SqliteDatabase) => T): Promise<{ value?: T; note?: string }> {
  if (modifiedAt(file) === 0) return {};
  let db: SqliteDatabase | undefined;
  try {
    db = await openSqlite(file);
    if (!db) return {};
    return { value: work(db) };
  } catch (error) {
    return { note: `could not read ${file}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db?.close();
  }
}

export const opencodeReader: SessionReader = {
  agent: "opencode",
  storeDir,

  async find(root, where) {
    const dbFile = path.join(storeDir(where), "opencode.db");
    const storage = path.join(storeDir(where), "storage");
    const fromDb = await withDatabase(dbFile, (db) => newest(sqliteSessions(db, root)));
    const fromJson = newest(jsonSessions(storage, root));
    const found: SessionLookup["session"] =
      fromDb.value && (!fromJson || fromDb.value.updatedAt >= fromJson.updatedAt)
        ? { file: dbFile, id: fromDb.value.id, updatedAt: fromDb.value.updatedAt }
        : fromJson && { file: jsonSessionFile(storage, fromJson), id: fromJson.id, updatedAt: fromJson.updatedAt };
    const notes = fromDb.note ? [fromDb.note] : [];
    if (!found) notes.push(`no OpenCode session for this repository in ${modifiedAt(dbFile) > 0 ? dbFile : storage}`);
    return { session: found, notes };
  },

  async read(found, root, where) {
    const storage = path.join(storeDir(where), "storage");
    if (found.file.endsWith(".db")) {
      const read = await withDatabase(found.file, (db) => {
        const session = sqliteSession(db, found.id);
        return session && readTranscript(sqliteTranscript(db, session), root);
      });
      return read.value ?? { input: {}, notes: [read.note ?? `session ${found.id} is no longer in ${found.file}`] };
    }
    const session = jsonSessionAt(found.file) ?? { id: found.id, updatedAt: found.updatedAt };
    return readTranscript(jsonTranscript(storage, session), root);
  },
};
