import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SaveInput } from "../state/build.js";
import { writeQuietly } from "../store/atomic-write.js";
import { uniqueSuffix } from "../util/unique-suffix.js";
import { currentEnvironment } from "./env.js";
import { readFirstLine } from "./files.js";
import { readAgentSession, type AgentSessionResult } from "./read-latest.js";
import { sessionReaderFor } from "./readers.js";
import type { FoundSession, SessionEnvironment, SessionReader } from "./types.js";
import { hexDigest } from "../util/hash.js";

/**
 * The agents whose session is one append-only JSONL file (Claude Code's transcript, Codex's
 * rollout): only these are read incrementally. Every other agent's session is read whole.
 */
const APPEND_ONLY = new Set(["claude", "codex"]);
/** As many commands as a reader keeps (facts.ts): the merged list keeps the same number. */
const MAX_COMMANDS = 10;
/** Appended text read in one go; a larger gap (a very long first read) is read whole instead. */
const MAX_APPENDED_BYTES = 32 * 1024 * 1024;

export interface IncrementalReadOptions {
  agent: string;
  /** The repository root. */
  root: string;
  /** Where what was read so far is remembered: a folder in the git directory. */
  memoryDir: string;
  /** The transcript the agent named (its hook payload); otherwise the session is looked up. */
  transcript?: string;
  sessionId?: string;
  env?: NodeJS.ProcessEnv;
}

export type IncrementalReadKind = "appended" | "unchanged" | "whole";

export interface IncrementalReadResult extends AgentSessionResult {
  /** "appended": only the lines added since the last read were parsed. */
  read: IncrementalReadKind;
}

interface Memory {
  version: 1;
  file: string;
  sessionId: string;
  ino: number;
  /** Bytes read so far: always the end of a complete line. */
  offset: number;
  input: SaveInput;
  redactions: number;
}

function memoryFile(memoryDir: string, agent: string, transcript: string): string {
  const key = hexDigest("sha256", transcript).slice(0, 24);
  return path.join(memoryDir, `${agent}-${key}.json`);
}

function readMemory(file: string, transcript: string): Memory | undefined {
  try {
    const memory = JSON.parse(readFileSync(file, "utf8")) as Memory;
    const valid = memory?.version === 1 && memory.file === transcript && Number.isSafeInteger(memory.offset) && typeof memory.input === "object";
    return valid ? memory : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes `[from, to)` of `file`. */
function readRange(file: string, from: number, to: number): Buffer {
  const buffer = Buffer.alloc(to - from);
  const fd = openSync(file, "r");
  try {
    let read = 0;
    while (read < buffer.length) {
      const count = readSync(fd, buffer, read, buffer.length - read, from + read);
      if (count === 0) break;
      read += count;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Where the last complete line of the file ends (after its newline), reading only its tail. */
function endOfLastLine(file: string, size: number): number {
  const tail = Math.min(size, 1024 * 1024);
  const bytes = readRange(file, size - tail, size);
  const newline = bytes.lastIndexOf(10);
  return newline === -1 ? (tail === size ? 0 : size - tail) : size - tail + newline + 1;
}

function union(first: string[] | undefined, second: string[] | undefined, exclude: string[] = []): string[] | undefined {
  const merged = [...new Set([...(first ?? []), ...(second ?? [])])].filter((file) => !exclude.includes(file));
  return merged.length ? merged : undefined;
}

/**
 * What the earlier part of a session said, with what the appended part adds: the first request
 * stays the task, the latest todo list, model and provider win, files and commands add up.
 */
export function mergeAppended(earlier: SaveInput, appended: SaveInput): SaveInput {
  const created = union(earlier.filesCreated, appended.filesCreated, earlier.filesModified);
  const commands = [...(earlier.commandsRun ?? []), ...(appended.commandsRun ?? [])].slice(-MAX_COMMANDS);
  return {
    ...earlier,
    task: earlier.task ?? appended.task,
    nextSteps: appended.nextSteps ?? earlier.nextSteps,
    filesCreated: created,
    filesModified: union(earlier.filesModified, appended.filesModified, created),
    commandsRun: commands.length ? commands : undefined,
    model: appended.model ?? earlier.model,
    provider: appended.provider ?? earlier.provider,
  };
}

async function redacted(input: SaveInput): Promise<{ value: SaveInput; count: number }> {
  const { redactDeep } = await import("../redact/redact.js");
  return redactDeep(input);
}

function isFile(file: string | undefined): file is string {
  if (!file) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

async function locate(reader: SessionReader, options: IncrementalReadOptions, where: SessionEnvironment): Promise<{ found?: FoundSession; notes: string[] }> {
  if (isFile(options.transcript)) {
    const file = path.resolve(options.transcript);
    return { found: { file, id: options.sessionId ?? path.basename(file, ".jsonl"), updatedAt: statSync(file).mtimeMs }, notes: [] };
  }
  const lookup = await reader.find(options.root, where);
  return { found: lookup.session, notes: lookup.notes };
}

/** Parses `appended` (complete lines), with the file's first line (the session's metadata) before them. */
async function readAppended(reader: SessionReader, found: FoundSession, appended: Buffer, options: IncrementalReadOptions, where: SessionEnvironment) {
  const head = readFirstLine(found.file) ?? "";
  const temporary = path.join(options.memoryDir, `.appended-${uniqueSuffix()}.jsonl`);
  writeFileSync(temporary, Buffer.concat([Buffer.from(`${head}\n`), appended]), { mode: 0o600 });
  try {
    return await reader.read({ ...found, file: temporary }, options.root, where);
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * The session of `agent` as a redacted partial state, like `readAgentSession`, but for an
 * append-only transcript it remembers (per transcript, in `memoryDir`) how far it read and what it
 * gathered, and parses only the complete lines appended since: a turn at the end of a 50 MB
 * transcript costs about what a turn at its start does. Never throws for what it finds in the
 * agent's files: problems become notes, as in `readAgentSession`.
 */
export async function readAgentSessionIncrementally(options: IncrementalReadOptions): Promise<IncrementalReadResult> {
  const reader = sessionReaderFor(options.agent);
  if (!reader || !APPEND_ONLY.has(options.agent)) {
    return { ...(await readAgentSession({ agent: options.agent, root: options.root, env: options.env })), read: "whole" };
  }
  const where = currentEnvironment(options.env);
  try {
    const { found, notes } = await locate(reader, options, where);
    if (!found) return { notes, read: "whole" };
    mkdirSync(options.memoryDir, { recursive: true });
    const stat = statSync(found.file);
    const file = memoryFile(options.memoryDir, options.agent, found.file);
    const memory = readMemory(file, found.file);
    const session = (input: SaveInput, redactions: number) => ({ agent: reader.agent, file: found.file, sessionId: found.id, input, redactions });
    const continues = memory && memory.ino === stat.ino && memory.offset <= stat.size && stat.size - memory.offset <= MAX_APPENDED_BYTES;
    let result: IncrementalReadResult;
    let offset: number;
    if (continues) {
      const bytes = readRange(found.file, memory.offset, stat.size);
      const complete = bytes.lastIndexOf(10) + 1;
      if (complete === 0) return { session: session(memory.input, memory.redactions), notes, read: "unchanged" };
      offset = memory.offset + complete;
      const reading = await readAppended(reader, found, bytes.subarray(0, complete), options, where);
      const appended = await redacted(reading.input);
      const input = mergeAppended(memory.input, appended.value);
      result = { session: session(input, memory.redactions + appended.count), notes: [...notes, ...reading.notes], read: "appended" };
    } else {
      offset = endOfLastLine(found.file, stat.size);
      const reading = await reader.read(found, options.root, where);
      const whole = await redacted(reading.input);
      result = { session: session(whole.value, whole.count), notes: [...notes, ...reading.notes], read: "whole" };
    }
    const remembered: Memory = { version: 1, file: found.file, sessionId: found.id, ino: stat.ino, offset, input: result.session!.input, redactions: result.session!.redactions };
    writeQuietly(file, JSON.stringify(remembered));
    return result;
  } catch (error) {
    return { notes: [`could not read the ${options.agent} session: ${error instanceof Error ? error.message : String(error)}`], read: "whole" };
  }
}
