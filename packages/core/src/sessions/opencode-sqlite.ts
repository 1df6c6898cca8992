import { isInside } from "./files.js";
import type { SqliteDatabase } from "./sqlite/open.js";
import type { OpencodeSession, OpencodeTranscript } from "./opencode-records.js";
import { asNumber, asObject, asString, parseJson, type JsonObject } from "./values.js";

/**
 * OpenCode's SQLite store (1.2 and later): `opencode.db`, with the tables `project` (`worktree`),
 * `session` (`directory`, `title`, `parent_id`, `time_updated`), `message` and `part` (their JSON
 * in `data`, the same shapes as the JSON storage had, without the ids) and `todo` (one row per
 * item, by `position`). It is opened read-only (sqlite/open.ts: node:sqlite, or sql.js on Node.js 20);
 * OpenCode may be writing to it meanwhile.
 */

export type { SqliteDatabase } from "./sqlite/open.js";

/** Only what a reader uses: a session row also holds its diffs and settings, which can be large. */
const SESSION_COLUMNS = "id, project_id, directory, title, time_created, time_updated";

function sessionOf(row: Record<string, unknown>): OpencodeSession | undefined {
  const id = asString(row.id);
  if (!id) return undefined;
  const updatedAt = asNumber(row.time_updated) ?? asNumber(row.time_created) ?? 0;
  return { id, projectId: asString(row.project_id), directory: asString(row.directory), title: asString(row.title), updatedAt };
}

/** The top-level sessions that ran in `root` or below it, or in a project whose worktree is there. */
export function sqliteSessions(db: SqliteDatabase, root: string): OpencodeSession[] {
  const projectIds = new Set(
    db
      .prepare("SELECT id, worktree FROM project")
      .all()
      .filter((project) => isInside(asString(project.worktree), root))
      .map((project) => asString(project.id)),
  );
  return db
    .prepare(`SELECT ${SESSION_COLUMNS} FROM session WHERE parent_id IS NULL`)
    .all()
    .filter((row) => isInside(asString(row.directory), root) || (!row.directory && projectIds.has(asString(row.project_id))))
    .flatMap((row) => sessionOf(row) ?? []);
}

export function sqliteSession(db: SqliteDatabase, id: string): OpencodeSession | undefined {
  const row = db.prepare(`SELECT ${SESSION_COLUMNS} FROM session WHERE id = ?`).get(id);
  return row && sessionOf(row);
}

/** A part's JSON without its tool output (a whole file read, a long log): nothing here reads it. */
const PART_DATA = "CASE WHEN json_valid(data) THEN json_remove(data, '$.state.output') ELSE data END AS data";

const dataOf = (row: Record<string, unknown>): JsonObject => asObject(parseJson(asString(row.data))) ?? {};

export function sqliteTranscript(db: SqliteDatabase, session: OpencodeSession): OpencodeTranscript {
  const partsByMessage = new Map<string, JsonObject[]>();
  for (const row of db.prepare(`SELECT message_id, ${PART_DATA} FROM part WHERE session_id = ? ORDER BY message_id, id`).all(session.id)) {
    const messageId = asString(row.message_id) ?? "";
    const parts = partsByMessage.get(messageId) ?? [];
    if (parts.length === 0) partsByMessage.set(messageId, parts);
    parts.push(dataOf(row));
  }
  const messages = db
    .prepare("SELECT id, data FROM message WHERE session_id = ? ORDER BY time_created, id")
    .all(session.id)
    .map((row) => ({ info: dataOf(row), parts: partsByMessage.get(asString(row.id) ?? "") ?? [] }));
  const todos = db.prepare("SELECT content, status FROM todo WHERE session_id = ? ORDER BY position").all(session.id);
  return { session, messages, todos: todos.length > 0 ? todos : undefined };
}
