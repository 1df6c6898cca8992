import { chmodSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lstatOrUndefined } from "./fs-checks.js";

/**
 * Replaces `file` in one rename, with the given permission bits (by default those it had, or
 * 0o755 for a new file): a hook git runs halfway through being written would fail someone's commit.
 */
export function writeHookFile(file: string, content: string, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const bits = mode ?? (lstatOrUndefined(file)?.mode ?? 0o755) & 0o7777;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.handoff-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content, { mode: bits });
    chmodSync(temporary, bits);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never created
    }
    throw error;
  }
}
