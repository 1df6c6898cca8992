import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { isInside, listDir, modifiedAt, readHeadRecords, readJsonFile, readJsonLines } from "./files.js";
import { TranscriptTasks } from "./claude-tasks.js";
import { SessionFacts, UnknownKinds, type TodoItem } from "./facts.js";
import type { FoundSession, SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asObject, asString, type JsonObject } from "./values.js";

/**
 * Claude Code: one JSONL transcript per session in `<config>/projects/<encoded cwd>/<session id>.jsonl`,
 * where `<config>` is CLAUDE_CONFIG_DIR or ~/.claude and the folder name is the start directory
 * with every character other than an ASCII letter or digit replaced by "-" (names over 200
 * characters are cut and get a hash suffix). Todo lists: `<config>/todos/<session>-agent-<session>.json`,
 * and in newer versions one file per task in `<config>/tasks/<session>/`.
 */
const KNOWN = new Set(["user", "assistant", "summary", "custom-title", "system", "file-history-snapshot", "queue-operation", "agent-name", "progress", "attachment"]);
const MAX_NAME = 200;

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("claude", where) ?? fromVariable(where, "CLAUDE_CONFIG_DIR") ?? path.join(where.home, ".claude");
}

function encodeProjectPath(dir: string): string {
  return dir.replace(/[^a-zA-Z0-9]/g, "-");
}

function projectDirs(projects: string, root: string): string[] {
  const encoded = encodeProjectPath(root);
  const prefix = encoded.slice(0, MAX_NAME);
  return listDir(projects)
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => name === encoded || name.startsWith(`${encoded}-`) || (encoded.length > MAX_NAME && name.startsWith(prefix)))
    .map((name) => path.join(projects, name));
}

/** The working directory a transcript was recorded in: the first line that names one. */
function transcriptCwd(records: JsonObject[]): string | undefined {
  for (const record of records) {
    const cwd = asString(record.cwd);
    if (cwd) return cwd;
  }
  return undefined;
}

function textOf(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  const texts = asArray(content)
    .map(asObject)
    .filter((block) => block?.type === "text")
    .map((block) => asString(block?.text) ?? "");
  return texts.length ? texts.join("\n") : undefined;
}

/** Lines Claude Code writes as "user" that the user did not type: slash-command expansions, summaries. */
function isTypedLine(record: JsonObject): boolean {
  return record.isMeta !== true && record.isCompactSummary !== true && record.isVisibleInTranscriptOnly !== true;
}

function todoItems(value: unknown, textKey: "content" | "subject"): TodoItem[] {
  return asArray(value)
    .map(asObject)
    .filter((item): item is JsonObject => item !== undefined)
    .map((item) => ({ text: asString(item[textKey]) ?? asString(item.content) ?? "", status: asString(item.status) ?? "pending" }));
}

function savedTodos(store: string, sessionId: string): TodoItem[] | undefined {
  const tasksDir = path.join(store, "tasks", sessionId);
  const tasks = listDir(tasksDir)
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => ({ order: Number.parseInt(entry.name, 10), value: readJsonFile(path.join(tasksDir, entry.name)) }))
    .sort((a, b) => a.order - b.order)
    .map((task) => task.value);
  if (tasks.length) return todoItems(tasks, "subject");
  const todos = readJsonFile(path.join(store, "todos", `${sessionId}-agent-${sessionId}.json`));
  return Array.isArray(todos) ? todoItems(todos, "content") : undefined;
}

function exitCodeOf(block: JsonObject): number | null {
  if (block.is_error !== true) return 0;
  const match = /Exit code (\d+)/.exec(textOf(block.content) ?? asString(block.content) ?? "");
  return match ? Number(match[1]) : null;
}

export const claudeReader: SessionReader = {
  agent: "claude",
  storeDir,

  async find(root, where) {
    const projects = path.join(storeDir(where), "projects");
    const candidates = projectDirs(projects, root).flatMap((dir) =>
      listDir(dir)
        .filter((entry) => entry.isFile() && entry.name.endsWith(".jsonl") && !entry.name.startsWith("agent-"))
        .map((entry) => path.join(dir, entry.name)),
    );
    const newestFirst = candidates.map((file) => ({ file, updatedAt: modifiedAt(file) })).sort((a, b) => b.updatedAt - a.updatedAt);
    for (const { file, updatedAt } of newestFirst) {
      if (isInside(transcriptCwd(readHeadRecords(file)) ?? transcriptCwd(readJsonLines(file).records), root)) {
        return { session: { file, id: path.basename(file, ".jsonl"), updatedAt }, notes: [] };
      }
    }
    return { notes: [`no Claude Code transcript for this repository in ${projects}`] };
  },

  async read(found: FoundSession, root, where) {
    const { records, unreadable } = readJsonLines(found.file);
    const facts = new SessionFacts(root, transcriptCwd(records) ?? root);
    facts.provider = "anthropic";
    const unknown = new UnknownKinds();
    const pendingWrites = new Map<string, string>();
    const pendingCommands = new Map<string, ReturnType<SessionFacts["ran"]>>();
    let transcriptTodos: TodoItem[] | undefined;
    const tasks = new TranscriptTasks();
    /** Which planning tool the session used last: the older `TodoWrite`, or the Task tools. */
    let plannedWith: "todos" | "tasks" | undefined;

    for (const record of records) {
      const type = asString(record.type) ?? "";
      if (!KNOWN.has(type)) {
        unknown.add(type);
        continue;
      }
      if (type === "summary") facts.titled(asString(record.summary));
      if (type === "custom-title") facts.titled(asString(record.customTitle));
      if (record.isSidechain === true) continue;
      const message = asObject(record.message);
      if (type === "user" && message) {
        const text = typeof message.content === "string" ? message.content : textOf(message.content);
        if (text && isTypedLine(record)) facts.request(text);
        const result = asObject(record.toolUseResult);
        for (const block of asArray(message.content).map(asObject)) {
          if (block?.type !== "tool_result") continue;
          const id = asString(block.tool_use_id) ?? "";
          tasks.answered(id, textOf(block.content) ?? asString(block.content), result);
          const run = pendingCommands.get(id);
          if (run) run.exit_code = exitCodeOf(block);
          const written = pendingWrites.get(id);
          if (written !== undefined) {
            const kind = asString(result?.type) === "create" ? "created" : asString(result?.type) === "update" ? "modified" : undefined;
            facts.touched(written, kind ?? (facts.knows(written) ? "modified" : "created"));
            pendingWrites.delete(id);
          }
        }
      }
      if (type === "assistant" && message) {
        const model = asString(message.model);
        if (model && model !== "<synthetic>") facts.model = model;
        for (const block of asArray(message.content).map(asObject)) {
          if (block?.type !== "tool_use") continue;
          const input = asObject(block.input) ?? {};
          const id = asString(block.id) ?? "";
          const name = asString(block.name);
          if (name === "Edit" || name === "MultiEdit") facts.touched(asString(input.file_path), "modified");
          if (name === "NotebookEdit") facts.touched(asString(input.notebook_path), "modified");
          if (name === "Write" && asString(input.file_path)) pendingWrites.set(id, asString(input.file_path)!);
          if (name === "Bash") pendingCommands.set(id, facts.ran(asString(input.command)));
          if (name === "TodoWrite") {
            transcriptTodos = todoItems(input.todos, "content");
            plannedWith = "todos";
          }
          if (name === "TaskCreate") tasks.created(id, input);
          if (name === "TaskUpdate") tasks.updated(input);
          if (name === "TaskCreate" || name === "TaskUpdate") plannedWith = "tasks";
        }
      }
    }
    // A Write whose result never came (the session ended first) still touched the file.
    for (const file of pendingWrites.values()) facts.touched(file, facts.knows(file) ? "modified" : "created");

    const todos = savedTodos(storeDir(where), found.id) ?? (plannedWith === "tasks" ? tasks.items() : transcriptTodos);
    if (todos) facts.todoList(todos);
    const input = facts.toInput();
    const notes = [...facts.notes];
    if (unreadable) notes.push(`skipped ${unreadable} line(s) that are not JSON`);
    const skipped = unknown.note("transcript line(s)");
    if (skipped) notes.push(skipped);
    return { input, notes };
  },
};
