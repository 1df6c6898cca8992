import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { uniqueSuffix } from "../util/unique-suffix.js";

export interface AtomicWriteOptions {
  /** Runs just before the new file replaces the old one; throwing stops the write (a lock lost meanwhile). */
  beforeRename?: () => void;
  /** false: no fsync of the file and its folder (bookkeeping a crash may lose without harm). */
  durable?: boolean;
  /** The permission bits of a new file (a replaced one keeps its own); 0o644 unless given. */
  mode?: number;
}

/**
 * Writes `content` to `file` so that a reader sees the old file or the new one, never a mix. The
 * temporary file is `<file>.<unique>.tmp`: a write killed midway leaves it where `<file>*`, the
 * line that ignores a state file, covers it, so `git add -A` never commits a copy of a state.
 */
export function writeFileAtomic(file: string, content: string, options: AtomicWriteOptions = {}): void {
  const temporary = `${file}.${uniqueSuffix()}.tmp`;
  const durable = options.durable ?? true;
  const descriptor = openSync(temporary, "wx", options.mode ?? 0o644);
  try {
    // A replaced file keeps its permissions (a private .gitignore, a group-writable package.json).
    const mode = existingMode(file);
    if (mode !== undefined) fchmodSync(descriptor, mode);
    writeFileSync(descriptor, content); // loops until every byte is written
    if (durable) fsyncSync(descriptor);
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
  if (durable) syncFolder(path.dirname(file));
}

/**
 * Replaces `file` in one rename, like `writeFileAtomic`, but without fsync and private to the
 * user: for bookkeeping in the git directory (what a hook read, when it fired) that a crash may
 * lose without harm and that every agent turn writes, so it must cost no disk flush. Never for a
 * state file.
 */
export function writeQuietly(file: string, text: string): void {
  writeFileAtomic(file, text, { durable: false, mode: 0o600 });
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
