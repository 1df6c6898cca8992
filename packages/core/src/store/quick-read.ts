import { isUtf8 } from "node:buffer";
import { statSync } from "node:fs";
import { MAX_STATE_BYTES } from "../parse/limits.js";
import type { ParsedState } from "../parse/parse.js";
import { quickParseState } from "../parse/quick-parse.js";
import { readBoundedFile } from "../util/read-bounded.js";

const MISSING = "missing";

function quickRead(file: string): ParsedState | typeof MISSING | undefined {
  try {
    // Most agents have no state here: no exception (and its stack trace) for each of them.
    if (!statSync(file, { throwIfNoEntry: false })) return MISSING;
  } catch (error) {
    // ENOTDIR: a file sits where a folder of the path should be, so there is no state either (as
    // readStateFile says); anything else (a link that loops) is the full reader's to report.
    return (error as NodeJS.ErrnoException).code === "ENOTDIR" ? MISSING : undefined;
  }
  let bytes: Buffer | undefined;
  try {
    bytes = readBoundedFile(file, { maxBytes: MAX_STATE_BYTES });
  } catch {
    return undefined;
  }
  if (bytes === undefined) return MISSING;
  // Bytes that are not UTF-8 are the full reader's to report.
  const state = isUtf8(bytes) ? quickParseState(bytes.toString("utf8")) : undefined;
  return state && { state, repairs: [] };
}

/**
 * An existing, plainly valid state file, read without zod. `undefined` means "not sure": the
 * caller then uses `readStateFile`, which reports a missing file, a bad one, or repairs it.
 */
export function readStateFileQuickly(file: string): ParsedState | undefined {
  const read = quickRead(file);
  return read === MISSING ? undefined : read;
}

/**
 * `readStateFile` without zod in the common cases: a missing file is undefined and a plainly
 * valid one is read quickly; only a file the quick reader cannot vouch for loads the full parser,
 * which repairs it or throws the HandoffError that explains it.
 */
export async function readStateFileLazily(file: string): Promise<ParsedState | undefined> {
  const read = quickRead(file);
  if (read === MISSING) return undefined;
  return read ?? (await import("./read-state.js")).readStateFile(file);
}
