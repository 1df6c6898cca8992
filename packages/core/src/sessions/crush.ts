import { lstatSync } from "node:fs";
import path from "node:path";
import { handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { modifiedAt, readJsonFile } from "./files.js";
import { finishReading } from "./finish.js";
import { withSqlite } from "./sqlite/open.js";
import { applyToolCall, argumentsOf, todoItemsOf, type ToolTable } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asNumber, asObject, asString, parseJson } from "./values.js";

/**
 * Crush (Charm): per project, `<data directory>/crush.db`, where the data directory is
 * `options.data_directory` of crush.json, by default `.crush` in the working directory (or the
 * nearest one above it inside the project). Tables: `sessions` (`id`, `parent_session_id`,
 * `title`, `updated_at`, `todos` as JSON `[{content, status}]`), `messages` (`session_id`, `role`,
 * `parts` as JSON `[{type, data}]` with types text, reasoning, tool_call `{id, name, input}`,
 * tool_result `{tool_call_id, content, is_error}`, finish…, `model`, `provider`, `created_at`).
 * Source: charmbracelet/crush@37f36e93824e5c4f892e4a817f7f628e2682fe14 internal/db/migrations/*.sql,
 * internal/db/connect.go (crush.db), internal/config/config.go and load.go (defaultDataDirectory),
 * internal/message/message.go (marshalParts), internal/agent/tools/{bash,edit,multiedit,write,todos}.go.
 * HANDOFF_CRUSH_DIR names the data directory instead; `options.data_directory` of crush.json is followed.
 */
const TOOLS: ToolTable = {
  shell: ["bash"],
  edit: ["edit", "multiedit", "lsp_rename", "lsp_replace_symbol"],
  write: ["write"],
  todo: ["todos"],
};
const MAX_CONFIG_BYTES = 1024 * 1024;
const KNOWN_PARTS = new Set(["text", "reasoning", "tool_call", "tool_result", "finish", "image_url", "binary", "shell_command"]);

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("crush", where) ?? ".crush";
}

/** A JSON file of the repository: only a regular file, and only a small one (it is hostile input). */
function readRepoJson(file: string): unknown {
  try {
    const info = lstatSync(file);
    if (!info.isFile() || info.size > MAX_CONFIG_BYTES) return undefined;
  } catch {
    return undefined;
  }
  return readJsonFile(file);
}

/** `options.data_directory` of the project's crush.json (or .crush.json), which moves the database. */
function configuredDataDirectory(root: string): string | undefined {
  for (const name of [".crush.json", "crush.json"]) {
    const directory = asString(asObject(asObject(readRepoJson(path.join(root, name)))?.options)?.data_directory);
    if (directory) return directory;
  }
  return undefined;
}

function databaseOf(root: string, where: SessionEnvironment): string {
  const dir = handoffOverride("crush", where) ?? configuredDataDirectory(root) ?? ".crush";
  return path.join(path.resolve(root, dir), "crush.db");
}

/** Crush wrote seconds in some versions' triggers and milliseconds elsewhere. */
const millis = (value: unknown) => {
  const number = asNumber(value) ?? 0;
  return number < 1e12 ? number * 1000 : number;
};

export const crushReader: SessionReader = {
  agent: "crush",
  storeDir,

  async find(root, where) {
    const file = databaseOf(root, where);
    if (modifiedAt(file) === 0) return { notes: [`no Crush database at ${file}`] };
    const row = await withSqlite(file, (db) => db.prepare("SELECT id, updated_at FROM sessions WHERE parent_session_id IS NULL ORDER BY updated_at DESC, created_at DESC LIMIT 1").get());
    if (!row) return { notes: [`no Crush session in ${file}`] };
    return { session: { file, id: String(row.id), updatedAt: millis(row.updated_at) }, notes: [] };
  },

  async read(found, root) {
    const rows = await withSqlite(found.file, (db) => {
      const session = db.prepare("SELECT * FROM sessions WHERE id = ?").get(found.id);
      const messages = db.prepare("SELECT role, parts, model, provider FROM messages WHERE session_id = ? ORDER BY created_at, rowid").all(found.id);
      return { session, messages };
    });
    const facts = new SessionFacts(root);
    const unknown = new UnknownKinds();
    const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
    for (const message of rows?.messages ?? []) {
      if (message.role === "assistant") {
        facts.model = asString(message.model) || facts.model;
        facts.provider = asString(message.provider) || facts.provider;
      }
      for (const wrapper of asArray(parseJson(asString(message.parts))).map(asObject)) {
        const type = asString(wrapper?.type) ?? "";
        const data = asObject(wrapper?.data) ?? {};
        if (!KNOWN_PARTS.has(type)) unknown.add(type);
        if (type === "text" && message.role === "user") facts.request(asString(data.text));
        if (type === "tool_call") {
          const run = applyToolCall(facts, TOOLS, asString(data.name), argumentsOf(data.input));
          if (run) pending.set(asString(data.id) ?? "", run);
        }
        if (type === "tool_result") {
          const run = pending.get(asString(data.tool_call_id) ?? "");
          if (run) {
            const exit = /exit (?:code|status)[:\s]+(-?\d+)/i.exec(asString(data.content) ?? "");
            run.exit_code = exit ? Number(exit[1]) : data.is_error === true ? 1 : 0;
          }
        }
        if (type === "shell_command") {
          const run = facts.ran(asString(data.command));
          if (run) run.exit_code = asNumber(data.exit_code) ?? null;
        }
      }
    }
    const todos = parseJson(asString(rows?.session?.todos));
    if (Array.isArray(todos)) facts.todoList(todoItemsOf(todos));
    facts.titled(asString(rows?.session?.title));
    return finishReading(facts, { unknown, what: "message part(s)" });
  },
};
