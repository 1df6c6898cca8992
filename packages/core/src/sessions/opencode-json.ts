import path from "node:path";
import { isInside, listDir, readJsonFile } from "./files.js";
import type { OpencodeSession, OpencodeTranscript } from "./opencode-records.js";
import { asNumber, asObject, asString, type JsonObject } from "./values.js";

/**
 * OpenCode's JSON storage (before 1.2): `storage/` with `project/<id>.json` (`worktree`),
 * `session/<project id>/<session id>.json` (`directory`, `title`, `time.updated`),
 * `message/<session id>/<message id>.json`, `part/<message id>/<part id>.json` and
 * `todo/<session id>.json`.
 */
function jsonFiles(dir: string): JsonObject[] {
  return listDir(dir)
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => asObject(readJsonFile(path.join(dir, entry.name))))
    .filter((value): value is JsonObject => value !== undefined);
}

function created(record: JsonObject): number {
  return asNumber(asObject(record.time)?.created) ?? 0;
}

/** The top-level sessions that ran in `root` or below it, or in a project whose worktree is there. */
export function jsonSessions(storage: string, root: string): OpencodeSession[] {
  const projectIds = jsonFiles(path.join(storage, "project"))
    .filter((project) => isInside(asString(project.worktree), root))
    .map((project) => asString(project.id));
  return listDir(path.join(storage, "session"))
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => jsonFiles(path.join(storage, "session", entry.name)).map((session) => ({ session, project: entry.name })))
    .filter(({ session, project }) => !session.parentID && (isInside(asString(session.directory), root) || (!session.directory && projectIds.includes(project))))
    .flatMap(({ session, project }) => sessionOf(session, project) ?? []);
}

function sessionOf(record: JsonObject, project?: string): OpencodeSession | undefined {
  const id = asString(record.id);
  if (!id) return undefined;
  const updatedAt = asNumber(asObject(record.time)?.updated) ?? created(record);
  return { id, projectId: asString(record.projectID) ?? project, directory: asString(record.directory), title: asString(record.title), updatedAt };
}

/** The session a file of `session/<project id>/` describes. */
export function jsonSessionAt(file: string): OpencodeSession | undefined {
  const record = asObject(readJsonFile(file));
  return record && sessionOf(record);
}

export function jsonSessionFile(storage: string, session: OpencodeSession): string {
  return path.join(storage, "session", session.projectId ?? "", `${session.id}.json`);
}

export function jsonTranscript(storage: string, session: OpencodeSession): OpencodeTranscript {
  const messages = jsonFiles(path.join(storage, "message", session.id))
    .sort((a, b) => created(a) - created(b))
    .map((info) => ({ info, parts: jsonFiles(path.join(storage, "part", asString(info.id) ?? "")) }));
  const todos = readJsonFile(path.join(storage, "todo", `${session.id}.json`));
  return { session, messages, todos: Array.isArray(todos) ? (todos as JsonObject[]) : undefined };
}
