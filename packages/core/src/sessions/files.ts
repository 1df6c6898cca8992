import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { asObject, parseJson, type JsonObject } from "./values.js";
import { isPathInside, relativeInside } from "../util/paths.js";
import { readBoundedText } from "../util/read-bounded.js";

/** Transcripts larger than this are read from their end: the latest work is what matters. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

// Most folders and files looked for are missing (agents not installed): asked without throwing,
// since building an exception for each costs more than the system call.
export function listDir(dir: string): Dirent[] {
  try {
    return statSync(dir, { throwIfNoEntry: false }) ? readdirSync(dir, { withFileTypes: true }) : [];
  } catch {
    return [];
  }
}

export { modifiedAt } from "../util/path-exists.js";

/** Opening a FIFO waits for a writer: only regular files are opened. */
function isRegularFile(file: string): boolean {
  return statSync(file).isFile();
}

export function readText(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return undefined;
    const size = stat.size;
    if (size <= MAX_READ_BYTES) return readBoundedText(file, { maxBytes: MAX_READ_BYTES });
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(MAX_READ_BYTES);
      readSync(fd, buffer, 0, MAX_READ_BYTES, size - MAX_READ_BYTES);
      const text = buffer.toString("utf8");
      return text.slice(text.indexOf("\n") + 1);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

export function readJsonFile(file: string): unknown {
  return parseJson(readText(file));
}

/** The first line of a file, without reading all of it (rollout files start with their metadata). */
export function readFirstLine(file: string, limit = 4 * 1024 * 1024): string | undefined {
  let fd: number | undefined;
  try {
    if (!isRegularFile(file)) return undefined;
    fd = openSync(file, "r");
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(64 * 1024);
    while (total < limit) {
      const read = readSync(fd, chunk, 0, chunk.length, total);
      if (read === 0) break;
      const newline = chunk.subarray(0, read).indexOf(10);
      if (newline >= 0) {
        chunks.push(Buffer.from(chunk.subarray(0, newline)));
        break;
      }
      chunks.push(Buffer.from(chunk.subarray(0, read)));
      total += read;
    }
    return Buffer.concat(chunks).toString("utf8");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The JSON objects in the first `bytes` of a JSONL file: enough to find its metadata cheaply. */
export function readHeadRecords(file: string, bytes = 256 * 1024): JsonObject[] {
  let fd: number | undefined;
  try {
    if (!isRegularFile(file)) return [];
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer
      .subarray(0, read)
      .toString("utf8")
      .split("\n")
      .map((line) => asObject(parseJson(line)))
      .filter((record): record is JsonObject => record !== undefined);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface JsonLines {
  records: JsonObject[];
  /** Lines that were not a JSON object: skipped, never fatal. */
  unreadable: number;
}

export function readJsonLines(file: string): JsonLines {
  const records: JsonObject[] = [];
  let unreadable = 0;
  for (const line of (readText(file) ?? "").split("\n")) {
    if (!line.trim()) continue;
    const record = asObject(parseJson(line));
    if (record) records.push(record);
    else unreadable++;
  }
  return { records, unreadable };
}

/** `file` relative to `root` with forward slashes, or undefined when it lies outside the repository. */
export function repoRelative(file: string, root: string, cwd: string = root): string | undefined {
  const absolute = path.resolve(cwd, file);
  const relative = relativeInside(root, absolute);
  if (!relative) return undefined;
  return relative.split(path.sep).join("/");
}

/** Whether `dir` is the repository root or a folder inside it (also through a symlinked path). */
export function isInside(dir: string | undefined, root: string): boolean {
  if (!dir) return false;
  if (isPathInside(root, path.resolve(dir))) return true;
  try {
    return isPathInside(root, realpathSync(dir));
  } catch {
    return false;
  }
}
