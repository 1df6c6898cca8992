import path from "node:path";
import { fromVariable, handoffOverride } from "./env.js";
import { isInside, listDir, modifiedAt, readJsonFile } from "./files.js";
import { patchedFiles, SessionFacts, UnknownKinds, type TodoItem } from "./facts.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { asArray, asNumber, asObject, asString, type JsonObject } from "./values.js";

/**
 * OpenCode (JSON storage): `<data>/storage/` with `project/<id>.json` (`worktree`),
 * `session/<project id>/<session id>.json` (`directory`, `title`, `time.updated`),
 * `message/<session id>/<message id>.json`, `part/<message id>/<part id>.json` and
 * `todo/<session id>.json`, where `<data>` is `$XDG_DATA_HOME/opencode` (default ~/.local/share/opencode).
 * Newer OpenCode versions move all of this into `<data>/opencode.db` (SQLite), which is not read here.
 */
const KNOWN_PARTS = new Set(["text", "tool", "reasoning", "step-start", "step-finish", "file", "snapshot", "patch", "agent", "retry", "compaction", "subtask"]);
const DEFAULT_TITLE = /^(New session|Child session) - /;

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("opencode", where) ?? path.join(fromVariable(where, "XDG_DATA_HOME") ?? path.join(where.home, ".local", "share"), "opencode");
}

function jsonFiles(dir: string): JsonObject[] {
  return listDir(dir)
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => asObject(readJsonFile(path.join(dir, entry.name))))
    .filter((value): value is JsonObject => value !== undefined);
}

function created(record: JsonObject): number {
  return asNumber(asObject(record.time)?.created) ?? 0;
}

function todoItems(value: unknown): TodoItem[] {
  return asArray(value).map((item) => ({ text: asString(asObject(item)?.content) ?? "", status: asString(asObject(item)?.status) ?? "pending" }));
}

export const opencodeReader: SessionReader = {
  agent: "opencode",
  storeDir,

  async find(root, where) {
    const storage = path.join(storeDir(where), "storage");
    if (modifiedAt(path.join(storage, "session")) === 0) {
      const db = path.join(storeDir(where), "opencode.db");
      if (modifiedAt(db) > 0) {
        return { notes: [`this OpenCode keeps its sessions in ${db} (SQLite), which handoff does not read yet; only the older storage/ folder is read`] };
      }
      return { notes: [`no OpenCode storage in ${storage}`] };
    }
    const projects = jsonFiles(path.join(storage, "project"));
    const projectIds = projects.filter((project) => isInside(asString(project.worktree), root)).map((p) => asString(p.id));
    const sessions = listDir(path.join(storage, "session"))
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => jsonFiles(path.join(storage, "session", entry.name)).map((session) => ({ session, project: entry.name })))
      .filter(({ session, project }) => !session.parentID && (isInside(asString(session.directory), root) || (!session.directory && projectIds.includes(project))));
    const newest = sessions
      .map(({ session }) => ({ session, updatedAt: asNumber(asObject(session.time)?.updated) ?? created(session) }))
      .sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (!newest || !asString(newest.session.id)) return { notes: [`no OpenCode session for this repository in ${storage}`] };
    const id = asString(newest.session.id)!;
    return { session: { file: path.join(storage, "session", asString(newest.session.projectID) ?? "", `${id}.json`), id, updatedAt: newest.updatedAt }, notes: [] };
  },

  async read(found, root, where) {
    const storage = path.join(storeDir(where), "storage");
    const session = asObject(readJsonFile(found.file)) ?? {};
    const facts = new SessionFacts(root, asString(session.directory) ?? root);
    const unknown = new UnknownKinds();
    const messages = jsonFiles(path.join(storage, "message", found.id)).sort((a, b) => created(a) - created(b));
    for (const message of messages) {
      const messageId = asString(message.id) ?? "";
      if (message.role === "assistant") {
        facts.model = asString(message.modelID) ?? facts.model;
        facts.provider = asString(message.providerID) ?? facts.provider;
      }
      for (const part of jsonFiles(path.join(storage, "part", messageId))) {
        const type = asString(part.type) ?? "";
        if (!KNOWN_PARTS.has(type)) unknown.add(type);
        if (type === "text" && message.role === "user" && part.synthetic !== true) facts.request(asString(part.text));
        if (type !== "tool") continue;
        const state = asObject(part.state) ?? {};
        const input = asObject(state.input) ?? {};
        const metadata = asObject(state.metadata) ?? {};
        const file = asString(input.filePath);
        if (part.tool === "edit") facts.touched(file, "modified");
        if (part.tool === "write" && file) {
          const exists = metadata.exists;
          facts.touched(file, exists === true ? "modified" : exists === false ? "created" : facts.knows(file) ? "modified" : "created");
        }
        if (part.tool === "patch" || part.tool === "apply_patch") {
          for (const patched of patchedFiles(asString(input.patchText))) facts.touched(patched.file, patched.kind);
        }
        if (part.tool === "bash") {
          const run = facts.ran(asString(input.command));
          if (run) run.exit_code = asNumber(metadata.exit) ?? (state.status === "completed" ? 0 : null);
        }
        if (part.tool === "todowrite") facts.todoList(todoItems(input.todos));
      }
    }
    const saved = readJsonFile(path.join(storage, "todo", `${found.id}.json`));
    if (Array.isArray(saved)) facts.todoList(todoItems(saved));
    const title = asString(session.title);
    if (title && !DEFAULT_TITLE.test(title)) facts.titled(title);
    const input = facts.toInput();
    const notes = [...facts.notes];
    const skipped = unknown.note("message part(s)");
    if (skipped) notes.push(skipped);
    return { input, notes };
  },
};
