import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { handoffOverride } from "./env.js";
import { SessionFacts } from "./facts.js";
import { finishReading } from "./finish.js";
import type { SessionEnvironment, SessionReader } from "./types.js";
import { UnreadableSession } from "./unreadable.js";

/**
 * Aider writes its chat to a Markdown file in the repository: `.aider.chat.history.md` at the git
 * root, or wherever AIDER_CHAT_HISTORY_FILE (--chat-history-file) points. Each run appends
 * "# aider chat started at <time>"; what the user typed is "#### " lines, aider's own output is
 * "> " lines ("Applied edit to <file>", "Creating empty file <file>", "Running <command>",
 * "Commit <hash> <message>", "Main model: <model> with …").
 * Source: Aider-AI/aider@5dc9490bb35f9729ef2c95d00a19ccd30c26339c aider/io.py (user_input,
 * append_chat_history, the "chat started" line), aider/coders/base_coder.py ("Applied edit to",
 * "Running", "Creating empty file"), aider/args.py (--chat-history-file).
 * The file is in the repository, so it is hostile input: only a regular file (no symlink, no
 * FIFO), and only its last MAX_BYTES.
 */
const FILE_NAME = ".aider.chat.history.md";
const MAX_BYTES = 8 * 1024 * 1024;
const SESSION_START = "# aider chat started at ";
/** Slash commands whose argument is a request to the model, not an instruction to aider. */
const ASKING = /^\/(?:ask|code|architect|context)\s+([\s\S]+)$/;

/** HANDOFF_AIDER_DIR: the folder holding the history file; else the repository itself. */
function storeDir(where: SessionEnvironment): string {
  return handoffOverride("aider", where) ?? ".";
}

function historyFile(root: string, where: SessionEnvironment): string {
  const override = handoffOverride("aider", where);
  if (override) return path.join(override, FILE_NAME);
  const named = where.env.AIDER_CHAT_HISTORY_FILE;
  return named ? path.resolve(root, named) : path.join(root, FILE_NAME);
}

/** The end of a regular file, from a line start; undefined when there is no such regular file. */
function readTail(file: string): string | undefined {
  try {
    if (!lstatSync(file).isFile()) throw new UnreadableSession(file, "not a regular file");
  } catch (error) {
    if (error instanceof UnreadableSession) throw error;
    return undefined;
  }
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - MAX_BYTES);
    const buffer = Buffer.alloc(size - start);
    const read = readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.subarray(0, read).toString("utf8");
    return start === 0 ? text : text.slice(text.indexOf("\n") + 1);
  } finally {
    closeSync(fd);
  }
}

/** The last run: from the last "# aider chat started at" line to the end. */
function lastRun(text: string): { started?: string; lines: string[] } {
  const lines = text.split(/\r?\n/);
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.startsWith(SESSION_START)) {
      start = i;
      break;
    }
  }
  return start < 0 ? { lines } : { started: lines[start]!.slice(SESSION_START.length).trim(), lines: lines.slice(start + 1) };
}

/** aider ends each logged line with two spaces (a Markdown line break). */
const clean = (line: string) => line.replace(/ {2}$/, "");

export const aiderReader: SessionReader = {
  agent: "aider",
  storeDir,

  async find(root, where) {
    const file = historyFile(root, where);
    const text = readTail(file);
    if (text === undefined) return { notes: [`no Aider chat history at ${file}`] };
    const run = lastRun(text);
    if (!run.started) {
      if (text.trim()) throw new UnreadableSession(file, "Aider chat history without a \"# aider chat started at\" line");
      return { notes: [`${file} is empty`] };
    }
    const updatedAt = Date.parse(run.started.replace(" ", "T"));
    return { session: { file, id: run.started, updatedAt: Number.isNaN(updatedAt) ? 0 : updatedAt }, notes: [] };
  },

  async read(found, root) {
    const run = lastRun(readTail(found.file) ?? "");
    const facts = new SessionFacts(root);
    const typed: string[] = [];
    const flush = () => {
      const text = typed.join("\n").trim();
      typed.length = 0;
      if (!text) return;
      if (text.startsWith("/run ") || text.startsWith("!")) return void facts.ran(text.replace(/^(\/run\s+|!)/, ""));
      const asking = ASKING.exec(text);
      if (asking) return facts.request(asking[1]);
      if (!text.startsWith("/")) facts.request(text);
    };
    for (const raw of run.lines) {
      if (raw.startsWith("#### ")) {
        typed.push(clean(raw.slice(5)));
        continue;
      }
      flush();
      if (!raw.startsWith("> ")) continue;
      const line = clean(raw.slice(2));
      const model = /^(?:Main model|Model): (\S+)/.exec(line);
      if (model) facts.model = model[1];
      const created = /^Creating empty file (.+)$/.exec(line);
      if (created) facts.touched(created[1], "created");
      const applied = /^Applied edit to (.+)$/.exec(line);
      if (applied) facts.touched(applied[1], "modified");
      const running = /^Running (.+)$/.exec(line);
      if (running) facts.ran(running[1]);
    }
    flush();
    return finishReading(facts, { notes: [`read the run of ${found.id} (aider writes no exit codes or task list)`] });
  },
};
