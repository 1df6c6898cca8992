import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { isInside, listDir, modifiedAt, readFirstLine, readJsonLines } from "./files.js";
import { finishReading } from "./finish.js";
import { withSqlite } from "./sqlite/open.js";
import { argumentsOf, checklistItems, fileArgument, todoItemsOf } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asNumber, asObject, asString, parseJson, type JsonObject } from "./values.js";

/**
 * Goose (Block): `<data>/sessions/sessions.db` (SQLite, since 1.10), before that one JSONL file per
 * session in `<data>/sessions/` (first line: the metadata, `working_dir`, `description`; then one
 * message per line). `<data>` is GOOSE_PATH_ROOT/data, else (etcetera's app strategy) on Linux
 * XDG_DATA_HOME/goose or ~/.local/share/goose, on macOS ~/Library/Application Support/Block/goose,
 * on Windows %APPDATA%\Block\goose\data. Tables: `sessions` (`id`, `working_dir`, `name`,
 * `description`, `updated_at`, `extension_data` with the todo list under "todo.v0"/"todo.v1",
 * `provider_name`, `model_config_json`), `messages` (`session_id`, `role`, `content_json`,
 * `created_timestamp`). A message's content is a list of `{type: "text"}`,
 * `{type: "toolRequest", id, toolCall: {value: {name, arguments}}}` and `{type: "toolResponse"}`.
 * Source: block/goose crates/goose/src/session/session_manager.rs@dbec1655c17720cb591291603f1337ed7856afbd
 * (schema, SESSIONS_FOLDER, DB_NAME), crates/goose/src/config/paths.rs@0780e228ca96f8b7171d9a76f62b6d2c11ed901e,
 * crates/goose/src/session/legacy.rs@decaa9d2e3edc259da2bafa7a0e774d54aa3e0d5.
 */
const KNOWN_CONTENT = new Set(["text", "toolRequest", "toolResponse", "thinking", "redactedThinking", "image", "toolConfirmationRequest", "frontendToolRequest", "contextLengthExceeded", "summarizationRequested", "systemNotification", "reasoning", "actionRequired"]);

function dataDir(where: SessionEnvironment): string {
  const root = fromVariable(where, "GOOSE_PATH_ROOT");
  if (root) return path.join(root, "data");
  if (process.platform === "darwin") return path.join(where.home, "Library", "Application Support", "Block", "goose");
  if (process.platform === "win32") return path.join(fromVariable(where, "APPDATA") ?? path.join(where.home, "AppData", "Roaming"), "Block", "goose", "data");
  return path.join(fromVariable(where, "XDG_DATA_HOME") ?? path.join(where.home, ".local", "share"), "goose");
}

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("goose", where) ?? dataDir(where);
}

/** SQLite's CURRENT_TIMESTAMP ("2026-11-20 10:00:00", UTC) or RFC 3339, in milliseconds. */
function timeOf(value: unknown): number {
  if (typeof value === "number") return value < 1e12 ? value * 1000 : value;
  const text = asString(value) ?? "";
  const iso = text.includes("T") ? text : `${text.replace(" ", "T")}Z`;
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? 0 : parsed;
}

interface GooseSession {
  id: string;
  workingDir?: string;
  name?: string;
  updatedAt: number;
  extensionData?: JsonObject;
  provider?: string;
  model?: string;
  messages: JsonObject[];
}

function sessionOf(row: Record<string, unknown>): GooseSession {
  return {
    id: String(row.id),
    workingDir: asString(row.working_dir),
    name: asString(row.name) || asString(row.description),
    updatedAt: timeOf(row.updated_at),
    extensionData: asObject(parseJson(asString(row.extension_data))),
    provider: asString(row.provider_name),
    model: asString(asObject(parseJson(asString(row.model_config_json)))?.model_name),
    messages: [],
  };
}

/** The legacy JSONL session: metadata first, then one message per line. */
function legacySession(file: string): GooseSession {
  const { records } = readJsonLines(file);
  const [meta, ...messages] = records;
  return {
    id: path.basename(file, ".jsonl"),
    workingDir: asString(meta?.working_dir),
    name: asString(meta?.description),
    updatedAt: modifiedAt(file),
    extensionData: asObject(meta?.extension_data),
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
  };
}

/** What a shell or text-editor call did; goose names tools `<extension>__<tool>`. */
function applyGooseTool(facts: SessionFacts, name: string, args: JsonObject): ReturnType<SessionFacts["ran"]> {
  const tool = name.split("__").at(-1) ?? name;
  if (tool === "shell") return facts.ran(asString(args.command));
  if (tool === "text_editor" || tool === "write" || tool === "edit") {
    const file = fileArgument(args);
    const command = asString(args.command) ?? tool;
    if (command === "write" && file) facts.touched(file, facts.knows(file) ? "modified" : "created");
    if (["str_replace", "insert", "undo_edit", "edit"].includes(command)) facts.touched(file, "modified");
  }
  if (tool === "todo_write") facts.todoList(checklistItems(asString(args.content) ?? ""));
  return undefined;
}

function readSession(session: GooseSession, root: string) {
  const facts = new SessionFacts(root, session.workingDir ?? root);
  const unknown = new UnknownKinds();
  facts.provider = session.provider;
  facts.model = session.model;
  const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
  for (const message of session.messages) {
    for (const item of asArray(message.content).map(asObject)) {
      if (!item) continue;
      const type = asString(item.type) ?? "";
      if (!KNOWN_CONTENT.has(type)) unknown.add(type);
      if (type === "text" && message.role === "user") facts.request(asString(item.text));
      if (type === "toolRequest") {
        const value = asObject(asObject(item.toolCall)?.value);
        const run = applyGooseTool(facts, asString(value?.name) ?? "", argumentsOf(value?.arguments));
        if (run) pending.set(asString(item.id) ?? "", run);
      }
      if (type === "toolResponse") {
        const run = pending.get(asString(item.id) ?? "");
        if (run) run.exit_code = asObject(item.toolResult)?.status === "error" ? 1 : 0;
      }
    }
  }
  const states = session.extensionData ?? {};
  const v1 = asObject(states["todo.v1"]);
  const v0 = asObject(states["todo.v0"]);
  if (v1 && Array.isArray(v1.items)) facts.todoList(todoItemsOf(v1.items));
  else if (v0 || v1) facts.todoList(checklistItems(asString((v0 ?? v1)?.content) ?? ""));
  facts.titled(session.name);
  return finishReading(facts, { unknown, what: "message content item(s)" });
}

export const gooseReader: SessionReader = {
  agent: "goose",
  storeDir,

  async find(root, where) {
    const sessionsDir = path.join(storeDir(where), "sessions");
    const dbFile = path.join(sessionsDir, "sessions.db");
    const fromDb = await withSqlite(dbFile, (db) =>
      db
        .prepare("SELECT id, working_dir, updated_at FROM sessions")
        .all()
        .map(sessionOf)
        .filter((session) => isInside(session.workingDir, root))
        .sort((a, b) => b.updatedAt - a.updatedAt)[0],
    );
    const legacy = listDir(sessionsDir)
      .filter((entry) => entry.isFile() && entry.name.endsWith(".jsonl"))
      .map((entry) => path.join(sessionsDir, entry.name))
      .filter((file) => isInside(asString(asObject(parseJson(readFirstLine(file)))?.working_dir), root))
      .map((file) => ({ file, id: path.basename(file, ".jsonl"), updatedAt: modifiedAt(file) }))
      .sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (fromDb && (!legacy || fromDb.updatedAt >= legacy.updatedAt)) return { session: { file: dbFile, id: fromDb.id, updatedAt: fromDb.updatedAt }, notes: [] };
    if (legacy) return { session: legacy, notes: [] };
    return { notes: [`no Goose session for this repository in ${sessionsDir}`] };
  },

  async read(found, root) {
    if (!found.file.endsWith(".db")) return readSession(legacySession(found.file), root);
    const session = await withSqlite(found.file, (db) => {
      const row = db.prepare("SELECT id, working_dir, name, description, updated_at, extension_data, provider_name, model_config_json FROM sessions WHERE id = ?").get(found.id);
      if (!row) return undefined;
      const read = sessionOf(row);
      read.messages = db
        .prepare("SELECT role, content_json FROM messages WHERE session_id = ? ORDER BY created_timestamp, id")
        .all(found.id)
        .map((message) => ({ role: message.role, content: parseJson(asString(message.content_json)), created: asNumber(message.created_timestamp) }));
      return read;
    });
    if (!session) return { input: {}, notes: [`session ${found.id} is no longer in ${found.file}`] };
    return readSession(session, root);
  },
};
