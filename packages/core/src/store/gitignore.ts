import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { withFileLock } from "./lock.js";

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
 * Appends an ignore entry for each repo-relative state file to the root `.gitignore` when it does
 * not have one yet, under a lock, so that concurrent saves of two agents keep both lines.
 * Returns the entries added; a `.gitignore` that is a symlink is left alone.
 */
export async function ensureIgnored(root: string, files: readonly string[]): Promise<string[]> {
  const file = path.join(root, ".gitignore");
  const present = ignoreLines(readIfThere(file));
  if (files.every((entry) => present.has(ignoreEntry(entry)))) return [];
  return withFileLock(file, () => appendMissing(file, files.map(ignoreEntry)));
}

function readIfThere(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function appendMissing(file: string, entries: readonly string[]): string[] {
  let text = "";
  try {
    if (lstatSync(file).isSymbolicLink()) return [];
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const present = ignoreLines(text);
  const missing = entries.filter((entry) => !present.has(entry));
  if (missing.length === 0) return [];
  const hasHeader = text.includes(HEADER);
  const block = (hasHeader ? missing : [HEADER, ...missing]).join("\n");
  const before = text === "" || text.endsWith("\n") ? text : `${text}\n`;
  const gap = before && !hasHeader ? "\n" : "";
  writeFileAtomic(file, `${before}${gap}${block}\n`);
  return missing;
}
