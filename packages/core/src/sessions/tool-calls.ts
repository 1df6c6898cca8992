import type { CommandRun } from "../schema/session-state.js";
import type { SessionFacts, TodoItem } from "./facts.js";
import { asArray, asObject, asString, parseJson, type JsonObject } from "./values.js";

/**
 * Most agents record a tool call as a name and its arguments. Each reader says which of its
 * tools run a shell command, edit a file, write a file or set the todo list (its own names, from
 * its source); this turns one call into facts. The argument names differ between agents only in
 * spelling, so the usual ones are all tried.
 */
export interface ToolTable {
  shell?: readonly string[];
  edit?: readonly string[];
  /** Writes a whole file: created when the session had not touched it yet, else modified. */
  write?: readonly string[];
  /** Creates a file that did not exist. */
  create?: readonly string[];
  todo?: readonly string[];
}

const FILE_KEYS = ["file_path", "filePath", "path", "absolute_path", "target_file", "targetFile", "file", "filename", "notebook_path"];
const COMMAND_KEYS = ["command", "cmd", "commandLine"];
const TODO_TEXT_KEYS = ["content", "text", "title", "description", "task", "subject"];

/** Arguments as an object: some agents keep them as a JSON string. */
export function argumentsOf(value: unknown): JsonObject {
  return asObject(value) ?? asObject(parseJson(asString(value))) ?? {};
}

function first(args: JsonObject, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = asString(args[key]);
    if (value?.trim()) return value;
  }
  return undefined;
}

export function fileArgument(args: JsonObject): string | undefined {
  return first(args, FILE_KEYS);
}

/** A todo list given as items (`content`/`title`… and `status`), or as a Markdown checklist. */
export function todoItemsOf(value: unknown): TodoItem[] {
  if (typeof value === "string") return checklistItems(value);
  return asArray(value)
    .map(asObject)
    .filter((item): item is JsonObject => item !== undefined)
    .map((item) => ({ text: first(item, TODO_TEXT_KEYS) ?? "", status: asString(item.status) ?? (item.completed === true || item.done === true ? "completed" : "pending") }));
}

/** "- [ ] step" (pending), "- [/] step" (in progress), "- [x] step" (done) lines of Markdown. */
export function checklistItems(markdown: string): TodoItem[] {
  const items: TodoItem[] = [];
  for (const line of markdown.split("\n")) {
    const match = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX/~-])\]\s+(.+)$/.exec(line);
    if (!match) continue;
    const mark = match[1]!;
    items.push({ text: match[2]!.trim(), status: mark === " " ? "pending" : mark === "/" || mark === "~" ? "in_progress" : mark === "-" ? "cancelled" : "completed" });
  }
  return items;
}

/** Applies one tool call; returns the command it ran, so that its exit code can be filled in later. */
export function applyToolCall(facts: SessionFacts, table: ToolTable, name: string | undefined, args: JsonObject): CommandRun | undefined {
  if (!name) return undefined;
  if (table.shell?.includes(name)) return facts.ran(first(args, COMMAND_KEYS));
  const file = fileArgument(args);
  if (table.edit?.includes(name)) facts.touched(file, "modified");
  if (table.create?.includes(name)) facts.touched(file, "created");
  if (table.write?.includes(name) && file) facts.touched(file, facts.knows(file) ? "modified" : "created");
  if (table.todo?.includes(name)) {
    const todos = args.todos ?? args.todoList ?? args.items ?? args.content ?? args.markdown;
    facts.todoList(todoItemsOf(todos));
  }
  return undefined;
}
