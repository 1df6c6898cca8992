import { statSync } from "node:fs";
import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { fileUriPath } from "./file-uri.js";
import { isInside, listDir, modifiedAt } from "./files.js";
import { finishReading } from "./finish.js";
import { withSqlite, type SqliteDatabase } from "./sqlite/open.js";
import { applyToolCall, argumentsOf, type ToolTable } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { UnreadableSession } from "./unreadable.js";
import { asArray, asObject, asString, parseJson, type JsonObject } from "./values.js";
import { hexDigest } from "../util/hash.js";

/**
 * Cursor's terminal agent (cursor-agent): one SQLite store per chat,
 * `<config>/chats/<md5 of the working directory>/<chat id>/store.db`, where `<config>` is
 * CURSOR_CONFIG_DIR or ~/.cursor. Table `meta`: key "0", value = hex of a JSON object
 * (`agentId`, `latestRootBlobId`, `name`, `createdAt`, `lastUsedModel`). Table `blobs`: `id`
 * (hex SHA-256 of `data`), `data`; the messages are JSON (`role`, `content` as a string or as
 * parts: `text`, `tool-call` with `toolName` and `args`, `tool-result`), the root blob is protobuf
 * whose field 1 lists the message ids in order (field 9: the workspace URI). cursor-agent is
 * closed source: this follows its bundled code's `getChatsRootDir` / `SQLiteBlobStoreWithMetadata`
 * as published in third-party repositories, and the store layout those projects test against
 * (e.g. the sidecar Cursor adapter tests, `create_production_store`).
 */
const TOOLS: ToolTable = {
  shell: ["Shell", "shell", "run_terminal_cmd", "run_terminal_command", "runTerminalCommand"],
  edit: ["Edit", "edit", "StrReplace", "search_replace", "edit_file", "MultiEdit", "multi_edit", "ApplyPatch"],
  write: ["Write", "write", "write_file", "create_file"],
  todo: ["TodoWrite", "todo_write", "todoWrite", "UpdateTodos"],
};
const KNOWN_PARTS = new Set(["text", "tool-call", "tool-result", "reasoning", "redacted-reasoning", "image", "file"]);

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("cursor", where) ?? fromVariable(where, "CURSOR_CONFIG_DIR") ?? path.join(where.home, ".cursor");
}

const fileSize = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};
const md5 = (text: string) => hexDigest("md5", text);

function decodeMeta(db: SqliteDatabase): JsonObject {
  const rows = db.prepare("SELECT key, value FROM meta").all();
  const zero = rows.find((row) => String(row.key) === "0");
  const value = zero?.value;
  const text = typeof value === "string" ? (/^[0-9a-f]+$/i.test(value) ? Buffer.from(value, "hex").toString("utf8") : value) : value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : undefined;
  const meta = asObject(parseJson(text));
  if (meta) return meta;
  // Older stores kept one row per key.
  return Object.fromEntries(rows.map((row) => [String(row.key), row.value]));
}

/** Length-delimited fields of a protobuf message (wire type 2), as (field number, bytes). */
function protobufBytesFields(data: Uint8Array): { field: number; bytes: Uint8Array }[] {
  const fields: { field: number; bytes: Uint8Array }[] = [];
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    while (at < data.length) {
      const byte = data[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
    return -1;
  };
  while (at < data.length) {
    const key = varint();
    if (key < 0) break;
    const wire = key & 7;
    if (wire === 0) varint();
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const length = varint();
      if (length < 0 || at + length > data.length) break;
      fields.push({ field: Math.floor(key / 8), bytes: data.subarray(at, at + length) });
      at += length;
    } else break;
  }
  return fields;
}

const bytesOf = (value: unknown): Uint8Array | undefined => (value instanceof Uint8Array ? value : typeof value === "string" ? Buffer.from(value, "utf8") : undefined);

interface CursorChat {
  meta: JsonObject;
  messages: JsonObject[];
  workspace?: string;
}

function readChat(db: SqliteDatabase, file: string): CursorChat {
  const meta = decodeMeta(db);
  const rootId = asString(meta.latestRootBlobId);
  if (!rootId) throw new UnreadableSession(file, "cursor-agent store without latestRootBlobId");
  const root = bytesOf(db.prepare("SELECT data FROM blobs WHERE id = ?").get(rootId)?.data);
  if (!root) throw new UnreadableSession(file, "cursor-agent store whose root blob is missing");
  const fields = protobufBytesFields(root);
  const workspaceUri = fields.find((field) => field.field === 9);
  const workspace = workspaceUri ? Buffer.from(workspaceUri.bytes).toString("utf8") : undefined;
  const blob = db.prepare("SELECT data FROM blobs WHERE id = ?");
  const messages: JsonObject[] = [];
  for (const field of fields) {
    if (field.field !== 1 || field.bytes.length !== 32) continue;
    const data = bytesOf(blob.get(Buffer.from(field.bytes).toString("hex"))?.data);
    const message = asObject(parseJson(data && Buffer.from(data).toString("utf8")));
    if (message) messages.push(message);
  }
  return { meta, messages, workspace: fileUriPath(workspace) };
}

/** The user's words inside cursor-agent's wrappers: `<user_query>…</user_query>`, without `<user_info>`. */
function typedText(content: unknown): string | undefined {
  const text = typeof content === "string" ? content : asArray(content).map(asObject).filter((part) => part?.type === "text").map((part) => asString(part?.text) ?? "").join("\n");
  const query = /<user_query>([\s\S]*?)<\/user_query>/.exec(text);
  if (query) return query[1];
  return text.trimStart().startsWith("<") ? undefined : text;
}

/** Every chat folder, newest first. */
function chatDirs(chatsDir: string): { dir: string; updatedAt: number }[] {
  return listDir(chatsDir)
    .filter((entry) => entry.isDirectory())
    .flatMap((project) => listDir(path.join(chatsDir, project.name)).filter((chat) => chat.isDirectory()).map((chat) => path.join(chatsDir, project.name, chat.name)))
    .map((dir) => ({ dir, updatedAt: Math.max(modifiedAt(path.join(dir, "store.db")), modifiedAt(path.join(dir, "store.db-wal"))) }))
    .filter((chat) => chat.updatedAt > 0)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * How many chats of other folders are opened to see whether they ran inside the repository, and
 * the largest one opened for that: on Node.js 20 each is copied into memory.
 */
const MAX_FOREIGN_CHECKS = 8;
const MAX_FOREIGN_BYTES = 16 * 1024 * 1024;

export const cursorReader: SessionReader = {
  agent: "cursor",
  storeDir,

  async find(root, where) {
    const chatsDir = path.join(storeDir(where), "chats");
    const chats = chatDirs(chatsDir);
    // Hashed only when there are chats: node:crypto is not loaded where cursor-agent is not used.
    const own = chats.length ? md5(root) : "";
    let foreignChecks = 0;
    for (const { dir, updatedAt } of chats) {
      const file = path.join(dir, "store.db");
      // The folder is named after the working directory; a chat started in a folder inside the
      // repository has another hash, so its root blob's workspace says where it ran.
      if (path.basename(path.dirname(dir)) !== own) {
        if (++foreignChecks > MAX_FOREIGN_CHECKS || fileSize(file) > MAX_FOREIGN_BYTES) continue;
        const workspace = await withSqlite(file, (db) => readChat(db, file).workspace).catch(() => undefined);
        if (!isInside(workspace, root)) continue;
      }
      return { session: { file, id: path.basename(dir), updatedAt }, notes: [] };
    }
    return { notes: [`no cursor-agent chat for this repository in ${chatsDir}`] };
  },

  async read(found, root) {
    const chat = await withSqlite(found.file, (db) => readChat(db, found.file));
    if (!chat) return { input: {}, notes: [`${found.file} is gone`] };
    const facts = new SessionFacts(root, chat.workspace ?? root);
    const unknown = new UnknownKinds();
    facts.model = asString(chat.meta.lastUsedModel);
    facts.titled(asString(chat.meta.name));
    const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
    for (const message of chat.messages) {
      if (message.role === "user") facts.request(typedText(message.content));
      for (const part of asArray(message.content).map(asObject)) {
        if (!part) continue;
        const type = asString(part.type) ?? "";
        if (!KNOWN_PARTS.has(type)) unknown.add(type);
        if (type === "tool-call") {
          const run = applyToolCall(facts, TOOLS, asString(part.toolName), argumentsOf(part.args ?? part.input));
          if (run) pending.set(asString(part.toolCallId) ?? "", run);
        }
        if (type === "tool-result") {
          const run = pending.get(asString(part.toolCallId) ?? "");
          const result = asObject(part.result) ?? asObject(part.output) ?? {};
          const exit = result.exitCode ?? result.exit_code;
          if (run) run.exit_code = typeof exit === "number" ? exit : part.isError === true ? 1 : 0;
        }
      }
    }
    return finishReading(facts, { unknown, what: "message part(s)" });
  },
};
