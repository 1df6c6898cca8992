import type { CommandRun } from "../schema/session-state.js";
import type { SaveInput } from "../state/build.js";
import { repoRelative } from "./files.js";
import { isSubstantive, typedText } from "./requests.js";

/** How many of the last commands a state keeps. */
const MAX_COMMANDS = 10;
const MAX_TASK_CHARS = 500;
const MAX_COMMAND_CHARS = 400;
const DONE = new Set(["completed", "complete", "done", "cancelled", "canceled", "checked", "dismissed", "deleted"]);

export interface TodoItem {
  text: string;
  status: string;
}

function shorten(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * What a reader learns from a session, gathered in the order the agent did things,
 * and turned into the partial state (`SaveInput`) at the end.
 */
export class SessionFacts {
  private readonly requests: string[] = [];
  private title: string | undefined;
  private todos: TodoItem[] | undefined;
  private readonly created = new Set<string>();
  private readonly modified = new Set<string>();
  private readonly commands: CommandRun[] = [];
  private outside = 0;
  model: string | undefined;
  provider: string | undefined;
  readonly notes: string[] = [];

  constructor(
    private readonly root: string,
    public cwd: string = root,
  ) {}

  /** A message the user sent, in order; wrappers the agent added around it are dropped. */
  request(text: string | undefined): void {
    const clean = text === undefined ? "" : typedText(text);
    if (clean) this.requests.push(clean);
  }

  /** The task is the first substantive request; the latest one is what was in progress. */
  private chosenRequests(): { task: string | undefined; latest: string | undefined } {
    const substantive = this.requests.filter(isSubstantive);
    const task = substantive[0] ?? this.title ?? this.requests[0];
    const latest = substantive.at(-1);
    return { task, latest: latest !== undefined && latest !== task ? latest : undefined };
  }

  /** The title the agent (or the user) gave the session; the last one wins. */
  titled(text: string | undefined): void {
    if (text?.trim()) this.title = text.trim();
  }

  /** The agent's todo list as it last wrote it. */
  todoList(items: TodoItem[]): void {
    this.todos = items.filter((item) => item.text.trim());
  }

  /** A file the agent wrote; a file it deleted afterwards is no longer work to hand over. */
  touched(file: string | undefined, kind: PatchedKind): void {
    if (!file) return;
    const relative = repoRelative(file, this.root, this.cwd);
    if (relative === undefined) {
      this.outside++;
      return;
    }
    if (kind === "deleted") {
      this.created.delete(relative);
      this.modified.delete(relative);
      return;
    }
    if (kind === "created" && !this.modified.has(relative)) this.created.add(relative);
    else if (!this.created.has(relative)) this.modified.add(relative);
  }

  /** Whether the agent already edited or created `file` in this session. */
  knows(file: string): boolean {
    const relative = repoRelative(file, this.root, this.cwd);
    return relative !== undefined && (this.created.has(relative) || this.modified.has(relative));
  }

  /** A command, returned so its exit code can be filled in when its result is read. */
  ran(command: string | undefined): CommandRun | undefined {
    if (!command?.trim()) return undefined;
    const run: CommandRun = { command: shorten(command, MAX_COMMAND_CHARS), exit_code: null };
    this.commands.push(run);
    return run;
  }

  toInput(): SaveInput {
    if (this.outside > 0) this.notes.push(`${this.outside} file edit(s) outside the repository were left out`);
    const { task, latest } = this.chosenRequests();
    const nextSteps = this.todos?.filter((item) => !DONE.has(item.status.toLowerCase())).map((item) => item.text.trim());
    return {
      task: task === undefined ? undefined : shorten(task, MAX_TASK_CHARS),
      latestRequest: latest === undefined ? undefined : shorten(latest, MAX_TASK_CHARS),
      nextSteps,
      filesModified: this.modified.size ? [...this.modified] : undefined,
      filesCreated: this.created.size ? [...this.created] : undefined,
      commandsRun: this.commands.length ? this.commands.slice(-MAX_COMMANDS) : undefined,
      model: this.model,
      provider: this.provider,
    };
  }
}

export type PatchedKind = "created" | "modified" | "deleted";

/**
 * Paths an apply_patch body touches (the format Codex and OpenCode share). Some Codex versions
 * wrote the markers without the space (`***Add File:`), as published rollouts show.
 */
export function patchedFiles(patch: string | undefined): { file: string; kind: PatchedKind }[] {
  const found: { file: string; kind: PatchedKind }[] = [];
  for (const line of (patch ?? "").split("\n")) {
    const match = /^\*\*\* ?(Add File|Update File|Delete File|Move to): ?(.+)$/.exec(line.trim());
    if (!match) continue;
    const kind = match[1] === "Add File" || match[1] === "Move to" ? "created" : match[1] === "Delete File" ? "deleted" : "modified";
    found.push({ file: match[2]!.trim(), kind });
  }
  return found;
}

/** Counts line kinds a reader did not recognise, for one note instead of many. */
export class UnknownKinds {
  private readonly counts = new Map<string, number>();

  add(kind: unknown): void {
    const name = typeof kind === "string" && kind ? kind : "(no type)";
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  note(what: string): string | undefined {
    if (this.counts.size === 0) return undefined;
    const total = [...this.counts.values()].reduce((sum, count) => sum + count, 0);
    const kinds = [...this.counts.keys()].slice(0, 5).join(", ");
    return `skipped ${total} ${what} of a kind handoff does not know (${kinds}); a newer format may add them`;
  }
}
