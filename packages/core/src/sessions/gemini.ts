import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { listDir, modifiedAt, readJsonFile, readJsonLines, readText } from "./files.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asObject, asString, type JsonObject } from "./values.js";
import { hexDigest } from "../util/hash.js";

/**
 * Gemini CLI: `<home>/.gemini/tmp/<project>/chats/session-<time>-<id>.jsonl` (older versions:
 * `.json`, one ConversationRecord), where `<home>` is GEMINI_CLI_HOME or the home folder and
 * `<project>` is the SHA-256 of the project root (older) or a short id from `~/.gemini/projects.json`
 * whose folder holds a `.project_root` marker (newer). JSONL lines are a metadata record, messages
 * (`id`, `type`), `{"$set": ...}` metadata updates and `{"$rewindTo": id}` rewinds.
 */
function storeDir(where: SessionEnvironment): string {
  const override = handoffOverride("gemini", where);
  if (override) return override;
  return path.join(fromVariable(where, "GEMINI_CLI_HOME") ?? where.home, ".gemini");
}

function projectDirs(store: string, root: string): string[] {
  const tmp = path.join(store, "tmp");
  if (modifiedAt(tmp) === 0) return [];
  const ids = new Set<string>([hexDigest("sha256", root)]);
  const registry = asObject(asObject(readJsonFile(path.join(store, "projects.json")))?.projects);
  for (const [projectPath, id] of Object.entries(registry ?? {})) {
    if (typeof id === "string" && path.resolve(projectPath) === root) ids.add(id);
  }
  for (const entry of listDir(tmp)) {
    if (entry.isDirectory() && readText(path.join(tmp, entry.name, ".project_root"))?.trim() === root) ids.add(entry.name);
  }
  return [...ids].map((id) => path.join(tmp, id));
}

/** The text of a `PartListUnion`: a string, one part, or a list of strings and parts. */
function textOf(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (asObject(content)) return asString(asObject(content)!.text);
  const texts = asArray(content)
    .map((part) => (typeof part === "string" ? { text: part } : part))
    .map((part) => asString(asObject(part)?.text))
    .filter((text): text is string => text !== undefined);
  return texts.length ? texts.join("") : undefined;
}

interface Conversation {
  messages: JsonObject[];
  summary?: string;
  unknown: UnknownKinds;
  unreadable: number;
}

/** Replays a session file: JSONL records in order, or the single record of the older `.json` files. */
function loadConversation(file: string): Conversation {
  const unknown = new UnknownKinds();
  if (file.endsWith(".json")) {
    const record = asObject(readJsonFile(file)) ?? {};
    return { messages: asArray(record.messages).map(asObject).filter((m): m is JsonObject => !!m), summary: asString(record.summary), unknown, unreadable: 0 };
  }
  const { records, unreadable } = readJsonLines(file);
  const messages = new Map<string, JsonObject>();
  let summary: string | undefined;
  for (const record of records) {
    if (typeof record.$rewindTo === "string") {
      let found = false;
      for (const id of [...messages.keys()]) {
        if (id === record.$rewindTo) found = true;
        if (found) messages.delete(id);
      }
      if (!found) messages.clear();
    } else if (typeof record.id === "string") {
      messages.set(record.id, record);
    } else if (asObject(record.$set)) {
      const set = asObject(record.$set)!;
      summary = asString(set.summary) ?? summary;
      if (Array.isArray(set.messages)) {
        messages.clear();
        for (const message of set.messages.map(asObject)) if (message && typeof message.id === "string") messages.set(message.id, message);
      }
    } else if (typeof record.sessionId === "string") {
      summary = asString(record.summary) ?? summary;
      for (const message of asArray(record.messages).map(asObject)) if (message && typeof message.id === "string") messages.set(message.id, message);
    } else {
      unknown.add(record.type);
    }
  }
  return { messages: [...messages.values()], summary, unknown, unreadable };
}

function exitCodeOf(call: JsonObject): number | null {
  const match = /Exit Code: (-?\d+)/.exec(JSON.stringify(call.result ?? ""));
  if (match) return Number(match[1]);
  return call.status === "success" ? 0 : null;
}

function chatFiles(dir: string): string[] {
  const chats = path.join(dir, "chats");
  return listDir(chats)
    .filter((entry) => entry.isFile() && entry.name.startsWith("session-") && /\.jsonl?$/.test(entry.name))
    .map((entry) => path.join(chats, entry.name));
}

export const geminiReader: SessionReader = {
  agent: "gemini",
  storeDir,

  async find(root, where) {
    const dirs = projectDirs(storeDir(where), root);
    const newest = dirs
      .flatMap(chatFiles)
      .map((file) => ({ file, updatedAt: modifiedAt(file) }))
      .sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (newest) return { session: { ...newest, id: path.basename(newest.file).replace(/\.jsonl?$/, "") }, notes: [] };
    const logs = dirs.map((dir) => path.join(dir, "logs.json")).find((file) => modifiedAt(file) > 0);
    if (logs) return { session: { file: logs, id: "logs", updatedAt: modifiedAt(logs) }, notes: [] };
    return { notes: [`no Gemini CLI chat for this repository in ${path.join(storeDir(where), "tmp")}`] };
  },

  async read(found, root) {
    const facts = new SessionFacts(root);
    facts.provider = "google";
    if (found.id === "logs") {
      // Only the prompt log exists: it holds the user's messages, nothing about tools.
      const entries = asArray(readJsonFile(found.file)).map(asObject);
      const lastSession = entries.at(-1)?.sessionId;
      for (const entry of entries) if (entry?.sessionId === lastSession && entry?.type === "user") facts.request(asString(entry.message));
      return { input: facts.toInput(), notes: ["only the prompt log (logs.json) was found: task only"] };
    }
    const conversation = loadConversation(found.file);
    for (const message of conversation.messages) {
      if (message.type === "user") {
        // Newer versions keep what the user typed (`/init`, `@file …`) in `displayContent`, and its expansion in `content`.
        facts.request(textOf(message.displayContent) ?? textOf(message.content));
      }
      if (message.type !== "gemini") continue;
      facts.model = asString(message.model) ?? facts.model;
      for (const call of asArray(message.toolCalls).map(asObject)) {
        if (!call) continue;
        const args = asObject(call.args) ?? {};
        const file = asString(args.file_path) ?? asString(args.absolute_path);
        if (call.name === "replace") facts.touched(file, "modified");
        if (call.name === "write_file" && file) {
          const display = asObject(call.resultDisplay);
          const isNew = display ? !asString(display.originalContent) : !facts.knows(file);
          facts.touched(file, isNew ? "created" : "modified");
        }
        if (call.name === "run_shell_command") {
          const run = facts.ran(asString(args.command));
          if (run) run.exit_code = exitCodeOf(call);
        }
        if (call.name === "write_todos") {
          facts.todoList(asArray(args.todos).map((item) => ({ text: asString(asObject(item)?.description) ?? "", status: asString(asObject(item)?.status) ?? "pending" })));
        }
      }
    }
    facts.titled(conversation.summary);
    const input = facts.toInput();
    const notes = [...facts.notes];
    if (conversation.unreadable) notes.push(`skipped ${conversation.unreadable} line(s) that are not JSON`);
    const skipped = conversation.unknown.note("chat record(s)");
    if (skipped) notes.push(skipped);
    return { input, notes };
  },
};
