import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { uniqueSuffix } from "../util/unique-suffix.js";

export interface AtomicWriteOptions {
  /** Runs just before the new file replaces the old one; throwing stops the write (a lock lost meanwhile). */
  beforeRename?: () => void;
}

/**
 * Writes `content` to `file` so that a reader sees the old file or the new one, never a mix. The
 * temporary file is `<file>.<unique>.tmp`: a write killed midway leaves it where `<file>*`, the
 * line that ignores a state file, covers it, so `git add -A` never commits a copy of a state.
 */
export function writeFileAtomic(file: string, content: string, options: AtomicWriteOptions = {}): void {
  const temporary = `${file}.${uniqueSuffix()}.tmp`;
  const descriptor = openSync(temporary, "wx", 0o644);
  try {
    // A replaced file keeps its permissions (a private .gitignore, a group-writable package.json).
    const mode = existingMode(file);
    if (mode !== undefined) fchmodSync(descriptor, mode);
    writeFileSync(descriptor, content); // loops until every byte is written
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(descriptor);
  try {
    options.beforeRename?.();
    renameSync(temporary, file);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
  syncFolder(path.dirname(file));
}

function existingMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
}

function syncFolder(folder: string): void {
  try {
    const descriptor = openSync(folder, "r");
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Some file systems refuse to fsync a folder; the rename is still atomic there.
  }
}
