import { renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { uniqueSuffix } from "../util/unique-suffix.js";

/**
 * Replaces `file` in one rename, like `writeFileAtomic`, but without fsync: for bookkeeping in the
 * git directory (what a hook read, when it fired) that a crash may lose without harm and that
 * every agent turn writes, so it must cost no disk flush. Never for a state file.
 */
export function writeQuietly(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${uniqueSuffix()}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: 0o600, flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
    throw error;
  }
}
