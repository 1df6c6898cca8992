import path from "node:path";
import { SessionFacts, UnknownKinds } from "./facts.js";
import { isInside, listDir, modifiedAt, readJsonFile } from "./files.js";
import { finishReading } from "./finish.js";
import { checklistItems, todoItemsOf } from "./tool-calls.js";
import type { FoundSession, SessionEnvironment, SessionLookup, SessionReader, SessionReading } from "./types.js";
import { UnreadableSession } from "./unreadable.js";
import { asArray, asObject, asString, parseJson } from "./values.js";

/**
 * Cline and Roo Code (a fork of Cline) keep one folder per task: `<data>/tasks/<task id>/` with
 * `ui_messages.json` (what the panel showed: ClineMessage `{ts, type: "ask"|"say", ask, say, text}`),
 * `api_conversation_history.json` (the messages sent to the model) and `task_metadata.json`
 * (`files_in_context` with `record_source`, `model_usage`); newer Cline versions also put
 * `modelInfo {providerId, modelId}` on each message. A tool use is a "tool" message whose
 * text is JSON `{tool, path, …}`; a command is an "ask"/"say" of type "command" whose text is the
 * command line. Sources: cline/cline@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4
 * apps/vscode/src/shared/ExtensionMessage.ts (ClineAsk, ClineSay, ClineSayTool),
 * apps/vscode/src/sdk/legacy-state-reader.ts (file names), apps/vscode/src/shared/HistoryItem.ts
 * (cwdOnTaskInitialization), apps/vscode/src/core/context/context-tracking/ContextTrackerTypes.ts;
 * RooCodeInc/Roo-Code@f1f7a6457b3ec52b4fdb5784b4ccd2989f997988 packages/types/src/message.ts.
 */
const EDIT_TOOLS = new Set(["editedExistingFile", "appliedDiff", "insertContent", "searchAndReplace", "applyDiff", "apply_diff"]);
const CREATE_TOOLS = new Set(["newFileCreated"]);
const TODO_TOOLS = new Set(["updateTodoList"]);
/** Where the working directory appears in the environment details of the first request. */
const CWD_PATTERN = /# Current (?:Working|Workspace) Directory \((.+?)\) Files/;

export interface TaskFolder {
  dir: string;
  id: string;
  updatedAt: number;
}

export function taskFolders(tasksDir: string): TaskFolder[] {
  return listDir(tasksDir)
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = path.join(tasksDir, entry.name);
      return { dir, id: entry.name, updatedAt: Math.max(modifiedAt(path.join(dir, "ui_messages.json")), modifiedAt(path.join(dir, "api_conversation_history.json"))) };
    })
    .filter((task) => task.updatedAt > 0)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  return asArray(content)
    .map(asObject)
    .map((block) => asString(block?.text) ?? (typeof block?.content === "string" ? block.content : ""))
    .join("\n");
}

/** The folder the task ran in: the task history's record, else the environment details sent with the first request. */
export function taskCwd(task: TaskFolder, history: Map<string, string>): string | undefined {
  const known = history.get(task.id);
  if (known) return known;
  const api = asArray(readJsonFile(path.join(task.dir, "api_conversation_history.json")));
  for (const message of api.slice(0, 4)) {
    const match = CWD_PATTERN.exec(textOf(asObject(message)?.content));
    if (match) return match[1]!.trim();
  }
  return undefined;
}

/** `taskHistory.json` (Cline 3.x and later; Roo and older Cline keep it in VS Code's state database): task id -> cwd. */
export function historyCwds(file: string): Map<string, string> {
  const cwds = new Map<string, string>();
  for (const item of asArray(readJsonFile(file)).map(asObject)) {
    const id = asString(item?.id);
    const cwd = asString(item?.cwdOnTaskInitialization) ?? asString(item?.workspace);
    if (id && cwd) cwds.set(id, cwd);
  }
  return cwds;
}

function findTask(label: string, tasksDir: string, historyFile: string, root: string): SessionLookup {
  const history = historyCwds(historyFile);
  for (const task of taskFolders(tasksDir)) {
    if (isInside(taskCwd(task, history), root)) return { session: { file: path.join(task.dir, "ui_messages.json"), id: task.id, updatedAt: task.updatedAt }, notes: [] };
  }
  return { notes: [`no ${label} task for this repository in ${tasksDir}`] };
}

function readTask(found: FoundSession, root: string, historyFile: string): SessionReading {
  const dir = path.dirname(found.file);
  const raw = readJsonFile(found.file);
  if (raw !== undefined && !Array.isArray(raw)) throw new UnreadableSession(found.file, "ui_messages.json that is not a list of messages");
  const cwd = taskCwd({ dir, id: found.id, updatedAt: found.updatedAt }, historyCwds(historyFile));
  const facts = new SessionFacts(root, cwd ?? root);
  const unknown = new UnknownKinds();
  let lastCommand: ReturnType<SessionFacts["ran"]>;
  for (const [index, message] of asArray(raw).map(asObject).entries()) {
    if (!message) continue;
    const kind = asString(message.say) ?? asString(message.ask) ?? "";
    const text = asString(message.text) ?? "";
    const modelInfo = asObject(message.modelInfo);
    facts.model = asString(modelInfo?.modelId) ?? facts.model;
    facts.provider = asString(modelInfo?.providerId) ?? facts.provider;
    // The task is a "task" say (Cline) or the first "text" say (Roo Code, older Cline).
    if (kind === "task" || kind === "user_feedback" || (index === 0 && kind === "text")) facts.request(text);
    if (kind === "command" && (message.type === "ask" || !lastCommand || lastCommand.command !== text)) lastCommand = facts.ran(text);
    if (kind === "command_output") {
      const exit = /exit code:?\s*(-?\d+)/i.exec(text);
      if (lastCommand && exit) lastCommand.exit_code = Number(exit[1]);
    }
    if (kind === "task_progress") facts.todoList(checklistItems(text));
    if (kind !== "tool") continue;
    const tool = asObject(parseJson(text));
    const name = asString(tool?.tool) ?? "";
    if (EDIT_TOOLS.has(name)) facts.touched(asString(tool?.path), "modified");
    else if (CREATE_TOOLS.has(name)) facts.touched(asString(tool?.path), "created");
    else if (TODO_TOOLS.has(name)) facts.todoList(todoItemsOf(tool?.todos));
    else if (!name) unknown.add("(tool without a name)");
  }
  const metadata = asObject(readJsonFile(path.join(dir, "task_metadata.json")));
  const usage = asArray(metadata?.model_usage).map(asObject).at(-1);
  facts.model = asString(usage?.model_id) ?? facts.model;
  facts.provider = asString(usage?.model_provider_id) ?? facts.provider;
  for (const entry of asArray(metadata?.files_in_context).map(asObject)) {
    if (entry?.record_source === "cline_edited" || entry?.record_source === "roo_edited") facts.touched(asString(entry.path), "modified");
  }
  return finishReading(facts, { unknown, what: "tool message(s)" });
}

/** A reader of the Cline task layout (Cline, and Roo Code, which forked it) kept in `storeDir`. */
export function clineTaskReader(agent: string, label: string, storeDir: (where: SessionEnvironment) => string): SessionReader {
  const historyFile = (store: string) => path.join(store, "state", "taskHistory.json");
  return {
    agent,
    storeDir,
    async find(root, where) {
      const store = storeDir(where);
      return findTask(label, path.join(store, "tasks"), historyFile(store), root);
    },
    async read(found, root, where) {
      return readTask(found, root, historyFile(storeDir(where)));
    },
  };
}
