import { lstatSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { ignoredByRepository } from "./ignored-by-repository.js";
import { withFileLock, type HeldLock } from "./lock.js";
import { MAX_SMALL_FILE_BYTES, readBoundedText } from "../util/read-bounded.js";

const HEADER = "# handoff: agent session state files (local to each checkout)";

function ignoreLines(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.replace(/^\//, "")),
  );
}

/**
 * The line that ignores a state file together with what handoff keeps beside it: its
 * `.corrupt-<time>` and `.replaced-<time>` backups, its lock and its temporary files.
 */
export function ignoreEntry(stateFile: string): string {
  return `${stateFile}*`;
}

/**
 * Appends an ignore entry for each repo-relative state file to the root `.gitignore` unless it has
 * one, or a .gitignore of the repository already ignores the file and what handoff keeps beside
 * it (`.claude/`, say: git is asked). Under a lock, so that concurrent saves of two agents keep
 * both lines. Returns the entries added; a `.gitignore` that is a symlink is left alone.
 */
export async function ensureIgnored(root: string, files: readonly string[]): Promise<string[]> {
  const file = path.join(root, ".gitignore");
  const present = ignoreLines(readIfThere(file));
  const unlisted = [...new Set(files)].filter((entry) => !present.has(ignoreEntry(entry)));
  if (unlisted.length === 0) return [];
  const ignored = await ignoredByRepository(root, unlisted);
  const missing = unlisted.filter((entry) => !ignored.has(entry));
  if (missing.length === 0) return [];
  return withFileLock(file, (lock) => appendMissing(file, missing.map(ignoreEntry), lock));
}

function readIfThere(file: string): string {
  return readBoundedText(file, { maxBytes: MAX_SMALL_FILE_BYTES, what: "ignore patterns" }) ?? "";
}

function appendMissing(file: string, entries: readonly string[], lock: HeldLock): string[] {
  try {
    if (lstatSync(file).isSymbolicLink()) return [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const text = readIfThere(file);
  const present = ignoreLines(text);
  const missing = entries.filter((entry) => !present.has(entry));
  if (missing.length === 0) return [];
  writeFileAtomic(file, withEntries(text, missing), { beforeRename: lock.assertHeld });
  return missing;
}

/**
 * `text` with `entries` at the end of handoff's block (its header and the lines up to the next
 * blank one), or in a new block at the end of the file; the file's own line ending is kept.
 */
export function withEntries(text: string, entries: readonly string[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((line) => line.trim() === HEADER);
  if (header === -1) {
    const before = text === "" || text.endsWith("\n") ? text : `${text}${eol}`;
    return `${before}${before ? eol : ""}${[HEADER, ...entries].join(eol)}${eol}`;
  }
  let end = header + 1;
  while (end < lines.length && lines[end]!.trim() !== "") end += 1;
  // A block that ends the file without a line break gets one after the new entries.
  if (end === lines.length) lines.push("");
  lines.splice(end, 0, ...entries);
  return lines.join(eol);
}
