import { patchedFiles, SessionFacts, UnknownKinds, type TodoItem } from "./facts.js";
import type { SessionReading } from "./types.js";
import { asArray, asNumber, asObject, asString, type JsonObject } from "./values.js";

/** A top-level OpenCode session, as either store describes it. */
export interface OpencodeSession {
  id: string;
  projectId?: string;
  directory?: string;
  title?: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/** One message (role, model, provider) and its parts (text, tool calls), oldest first. */
export interface OpencodeMessage {
  info: JsonObject;
  parts: JsonObject[];
}

/** What OpenCode keeps of a session, in the same JSON shapes whichever store it came from. */
export interface OpencodeTranscript {
  session: OpencodeSession;
  messages: OpencodeMessage[];
  /** The saved todo list (`content`, `status`), when there is one. */
  todos?: JsonObject[];
}

const KNOWN_PARTS = new Set(["text", "tool", "reasoning", "step-start", "step-finish", "file", "snapshot", "patch", "agent", "retry", "compaction", "subtask"]);
const DEFAULT_TITLE = /^(New session|Child session) - /;

function todoItems(value: unknown): TodoItem[] {
  return asArray(value).map((item) => ({ text: asString(asObject(item)?.content) ?? "", status: asString(asObject(item)?.status) ?? "pending" }));
}

function readToolPart(facts: SessionFacts, part: JsonObject): void {
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

/** The facts of an OpenCode session: the first request, the files touched, commands, todos, model. */
export function readTranscript(transcript: OpencodeTranscript, root: string): SessionReading {
  const facts = new SessionFacts(root, transcript.session.directory ?? root);
  const unknown = new UnknownKinds();
  for (const { info, parts } of transcript.messages) {
    if (info.role === "assistant") {
      facts.model = asString(info.modelID) ?? facts.model;
      facts.provider = asString(info.providerID) ?? facts.provider;
    }
    for (const part of parts) {
      const type = asString(part.type) ?? "";
      if (!KNOWN_PARTS.has(type)) unknown.add(type);
      if (type === "text" && info.role === "user" && part.synthetic !== true) facts.request(asString(part.text));
      if (type === "tool") readToolPart(facts, part);
    }
  }
  if (transcript.todos) facts.todoList(todoItems(transcript.todos));
  const title = transcript.session.title;
  if (title && !DEFAULT_TITLE.test(title)) facts.titled(title);
  const notes = [...facts.notes];
  const skipped = unknown.note("message part(s)");
  if (skipped) notes.push(skipped);
  return { input: facts.toInput(), notes };
}
