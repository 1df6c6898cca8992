import path from "node:path";
import { handoffOverride } from "./env.js";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { isInside, listDir, modifiedAt, readHeadRecords, readJsonFile, readJsonLines } from "./files.js";
import { finishReading } from "./finish.js";
import { applyToolCall, argumentsOf, type ToolTable } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asObject, asString, type JsonObject } from "./values.js";

/**
 * Factory's Droid: `~/.factory/sessions/<working directory with "/" as "-">/<uuid>.jsonl` (older
 * versions: `~/.factory/sessions/<uuid>.jsonl`), beside `<uuid>.settings.json` (`model`). The first
 * line is `{type: "session_start", id, title, cwd}`, then `{type: "message", message: {role,
 * content[]}}` with Anthropic-shaped blocks (`text`, `tool_use {id, name, input}`,
 * `tool_result {tool_use_id, is_error}`). Droid is closed source; this is the layout published by
 * the projects that read its sessions (e.g. the Droid session providers found with the code search
 * for "~/.factory/sessions", which parse `session_start` and `message` lines).
 */
const TOOLS: ToolTable = {
  shell: ["Execute", "Bash", "execute"],
  edit: ["Edit", "MultiEdit", "edit_file"],
  create: ["Create", "create_file"],
  write: ["Write"],
  todo: ["TodoWrite", "todo_write"],
};
const KNOWN = new Set(["session_start", "message", "todo_state", "compaction_state", "session_end"]);
const KNOWN_BLOCKS = new Set(["text", "tool_use", "tool_result", "thinking", "redacted_thinking", "image"]);

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("droid", where) ?? path.join(where.home, ".factory");
}

const encode = (dir: string) => dir.replace(/[\\/:]/g, "-");

function sessionCwd(records: JsonObject[]): string | undefined {
  return asString(records.find((record) => record.type === "session_start")?.cwd);
}

function sessionFiles(sessionsDir: string, root: string): string[] {
  const own = encode(root);
  const flat = listDir(sessionsDir).filter((entry) => entry.isFile() && entry.name.endsWith(".jsonl")).map((entry) => path.join(sessionsDir, entry.name));
  const nested = listDir(sessionsDir)
    .filter((entry) => entry.isDirectory() && (entry.name === own || entry.name.startsWith(`${own}-`)))
    .flatMap((entry) => listDir(path.join(sessionsDir, entry.name)).filter((file) => file.isFile() && file.name.endsWith(".jsonl")).map((file) => path.join(sessionsDir, entry.name, file.name)));
  return [...nested, ...flat];
}

/** Droid's TodoWrite takes a list, or a text of "1. [status] step" lines. */
function droidTodos(value: unknown): { text: string; status: string }[] | undefined {
  if (typeof value !== "string") return undefined;
  return value
    .split("\n")
    .map((line) => /^\s*(?:\d+[.)]|[-*])?\s*\[(\w+)\]\s+(.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ status: match[1]!.toLowerCase(), text: match[2]!.trim() }));
}

/** A message's content: a string, or a list of blocks in which a bare string is a text block. */
function blocksOf(content: unknown): JsonObject[] {
  const items = typeof content === "string" ? [content] : asArray(content);
  return items.map((item) => (typeof item === "string" ? { type: "text", text: item } : asObject(item))).filter((block): block is JsonObject => block !== undefined);
}

export const droidReader: SessionReader = {
  agent: "droid",
  storeDir,

  async find(root, where) {
    const sessionsDir = path.join(storeDir(where), "sessions");
    const newest = sessionFiles(sessionsDir, root)
      .map((file) => ({ file, updatedAt: modifiedAt(file) }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
    for (const { file, updatedAt } of newest) {
      if (isInside(sessionCwd(readHeadRecords(file, 64 * 1024)), root)) return { session: { file, id: path.basename(file, ".jsonl"), updatedAt }, notes: [] };
    }
    return { notes: [`no Droid session for this repository in ${sessionsDir}`] };
  },

  async read(found, root) {
    const { records, unreadable } = readJsonLines(found.file);
    const facts = new SessionFacts(root, sessionCwd(records) ?? root);
    const unknown = new UnknownKinds();
    const pending = new Map<string, ReturnType<SessionFacts["ran"]>>();
    const settings = asObject(readJsonFile(found.file.replace(/\.jsonl$/, ".settings.json")));
    facts.model = asString(settings?.model);
    for (const record of records) {
      const type = asString(record.type) ?? "";
      if (!KNOWN.has(type)) unknown.add(type);
      if (type === "session_start") facts.titled(asString(record.sessionTitle) ?? asString(record.title));
      if (type !== "message") continue;
      const message = asObject(record.message) ?? {};
      for (const block of blocksOf(message.content)) {
        const kind = asString(block.type) ?? "";
        if (!KNOWN_BLOCKS.has(kind)) unknown.add(`block ${kind}`);
        const text = asString(block.text);
        if (kind === "text" && message.role === "user" && text && !text.trimStart().startsWith("<")) facts.request(text);
        if (kind === "tool_use") {
          const args = argumentsOf(block.input);
          const todos = block.name === "TodoWrite" ? droidTodos(args.todos) : undefined;
          if (todos) facts.todoList(todos);
          else {
            const run = applyToolCall(facts, TOOLS, asString(block.name), args);
            if (run) pending.set(asString(block.id) ?? "", run);
          }
        }
        if (kind === "tool_result") {
          const run = pending.get(asString(block.tool_use_id) ?? "");
          if (run) {
            const output = typeof block.content === "string" ? block.content : JSON.stringify(block.content ?? "");
            const exit = /exit(?:ed with)? code:?\s*(-?\d+)/i.exec(output);
            run.exit_code = exit ? Number(exit[1]) : block.is_error === true ? 1 : 0;
          }
        }
      }
    }
    return finishReading(facts, { unreadableLines: unreadable, unknown, what: "session line(s)" });
  },
};
