import type { TodoItem } from "./facts.js";
import { asObject, asString, type JsonObject } from "./values.js";

/**
 * The task list Claude Code 2.1.17 and later keeps with its `TaskCreate` / `TaskUpdate` tools
 * (replacing `TodoWrite`), replayed from the transcript for when `<config>/tasks/<session>/` is
 * gone. `TaskCreate {subject, description, activeForm}` answers "Task #N created successfully:
 * <subject>" (and `toolUseResult.task.id`); `TaskUpdate {taskId, status?, subject?}` changes one,
 * and the status `deleted` removes it. Ids are numbers counted from 1 in each list.
 * Source: Claude Code's documentation, https://code.claude.com/docs/en/agent-sdk/todo-tracking
 * ("Migrate to Task tools"), and the tool results seen in published session exports.
 */
export class TranscriptTasks {
  private readonly byId = new Map<string, TodoItem>();
  /** Created, waiting for the result that gives the id. */
  private readonly awaiting = new Map<string, TodoItem>();
  private nextId = 1;
  /** Whether the session used these tools at all. */
  used = false;

  created(toolUseId: string, input: JsonObject): void {
    this.used = true;
    this.awaiting.set(toolUseId, { text: asString(input.subject) ?? asString(input.content) ?? "", status: asString(input.status) ?? "pending" });
  }

  /** The result of a `TaskCreate`: its id from the structured result or the "Task #N" text. */
  answered(toolUseId: string, resultText: string | undefined, toolUseResult: JsonObject | undefined): void {
    const item = this.awaiting.get(toolUseId);
    if (!item) return;
    this.awaiting.delete(toolUseId);
    const fromResult = asString(asObject(toolUseResult?.task)?.id);
    const fromText = /Task #(\d+) created/.exec(resultText ?? "")?.[1];
    this.add(fromResult ?? fromText ?? String(this.nextId), item);
  }

  updated(input: JsonObject): void {
    this.used = true;
    const id = asString(input.taskId) ?? (typeof input.taskId === "number" ? String(input.taskId) : undefined);
    const item = id === undefined ? undefined : this.byId.get(id);
    if (!item) return;
    const status = asString(input.status);
    if (status === "deleted") {
      this.byId.delete(id!);
      return;
    }
    if (status) item.status = status;
    if (asString(input.subject)) item.text = asString(input.subject)!;
  }

  /** The tasks in id order; creations whose result never came get the next ids. */
  items(): TodoItem[] {
    for (const item of this.awaiting.values()) this.add(String(this.nextId), item);
    this.awaiting.clear();
    return [...this.byId.entries()].sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b)).map(([, item]) => item);
  }

  private add(id: string, item: TodoItem): void {
    this.byId.set(id, item);
    const number = Number(id);
    if (Number.isInteger(number) && number >= this.nextId) this.nextId = number + 1;
  }
}
