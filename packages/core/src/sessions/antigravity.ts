import path from "node:path";
import { pathToFileURL } from "node:url";
import { handoffOverride } from "./env.js";
import { fileUriPath } from "./file-uri.js";
import { SessionFacts } from "./facts.js";
import { listDir, modifiedAt, readText } from "./files.js";
import { finishReading } from "./finish.js";
import { relativeInside } from "../util/paths.js";
import { checklistItems } from "./tool-calls.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { UnreadableSession } from "./unreadable.js";

/**
 * Google Antigravity keeps each conversation in `~/.gemini/antigravity/conversations/<id>.pb`
 * (the editor: encrypted protocol buffers) or `<id>.db` (the `agy` CLI: SQLite with opaque,
 * BLOB-encoded steps), neither of which has a published format. What it does publish, as plain
 * Markdown, are the conversation's artifacts in `~/.gemini/antigravity/brain/<id>/`: `task.md` (the
 * task list, "- [ ]" pending, "- [/]" in progress, "- [x]" done), `implementation_plan.md` and
 * `walkthrough.md`, which link the files they are about as file:// URLs. A conversation belongs to
 * the repository when its artifacts link files inside it. Antigravity is closed source; the layout
 * is the one its users' public repositories show (artifact links such as
 * `file:///…/.gemini/antigravity/brain/<uuid>/implementation_plan.md`) and a published verification
 * report of `agy` 1.1.17 (conversations/<uuid>.db with tables trajectory_meta, steps, gen_metadata).
 */
const ARTIFACTS = ["task.md", "implementation_plan.md", "walkthrough.md"];

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("antigravity", where) ?? path.join(where.home, ".gemini", "antigravity");
}

/** Whether an artifact mentions the repository (a file:// link or a plain absolute path into it). */
function mentions(text: string, root: string): boolean {
  const uri = pathToFileURL(root).href;
  return text.includes(`${uri}/`) || text.includes(`${uri})`) || text.includes(`${root}${path.sep}`);
}

function artifactsOf(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of ARTIFACTS) {
    const text = readText(path.join(dir, name));
    if (text !== undefined) found.set(name, text);
  }
  return found;
}

/** The task's name: the first heading of task.md or of the plan, without "Task:". */
function titleOf(artifacts: Map<string, string>): string | undefined {
  for (const name of ["task.md", "implementation_plan.md"]) {
    const heading = /^#\s+(.+)$/m.exec(artifacts.get(name) ?? "");
    if (heading) return heading[1]!.replace(/^(Task|Implementation Plan)\s*[:-]\s*/i, "").trim();
  }
  return undefined;
}

/** file:// links of the walkthrough (what was changed) that point into the repository. */
function linkedFiles(text: string, root: string): string[] {
  const files: string[] = [];
  for (const match of text.matchAll(/file:\/\/\/[^)\s#>"]+/g)) {
    const file = fileUriPath(match[0]);
    // A file inside the repository, not the repository itself.
    if (file && relativeInside(root, file) && !files.includes(file)) files.push(file);
  }
  return files;
}

export const antigravityReader: SessionReader = {
  agent: "antigravity",
  storeDir,

  async find(root, where) {
    const store = storeDir(where);
    const brain = path.join(store, "brain");
    const conversations = listDir(brain)
      .filter((entry) => entry.isDirectory())
      .map((entry) => {
        const dir = path.join(brain, entry.name);
        return { dir, id: entry.name, updatedAt: Math.max(...ARTIFACTS.map((name) => modifiedAt(path.join(dir, name)))) };
      })
      .filter((conversation) => conversation.updatedAt > 0)
      .sort((a, b) => b.updatedAt - a.updatedAt);
    for (const conversation of conversations) {
      if ([...artifactsOf(conversation.dir).values()].some((text) => mentions(text, root))) {
        return { session: { file: conversation.dir, id: conversation.id, updatedAt: conversation.updatedAt }, notes: [] };
      }
    }
    // Conversations without artifacts that name the repository: their own store cannot be read.
    const stored = listDir(path.join(store, "conversations")).filter((entry) => entry.isFile() && /\.(pb|db)$/.test(entry.name));
    if (stored.length > 0 && conversations.length === 0) {
      const newest = stored.map((entry) => path.join(store, "conversations", entry.name)).sort((a, b) => modifiedAt(b) - modifiedAt(a))[0]!;
      throw new UnreadableSession(newest, newest.endsWith(".pb") ? "Antigravity conversation, encrypted protocol buffers" : "Antigravity CLI conversation database, opaque steps");
    }
    return { notes: [`no Antigravity conversation whose artifacts name this repository in ${brain}`] };
  },

  async read(found, root) {
    const artifacts = artifactsOf(found.file);
    const facts = new SessionFacts(root);
    facts.provider = "google";
    facts.request(titleOf(artifacts));
    const tasks = artifacts.get("task.md");
    if (tasks) facts.todoList(checklistItems(tasks));
    for (const file of linkedFiles(artifacts.get("walkthrough.md") ?? "", root)) facts.touched(file, "modified");
    return finishReading(facts, { notes: ["Antigravity's conversation itself is not readable: the task, task list and files come from its artifacts (task.md, walkthrough.md)"] });
  },
};
