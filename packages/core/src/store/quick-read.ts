import { isUtf8 } from "node:buffer";
import { MAX_STATE_BYTES } from "../parse/limits.js";
import type { ParsedState } from "../parse/parse.js";
import { quickParseState } from "../parse/quick-parse.js";
import { readBoundedFile } from "../util/read-bounded.js";

const MISSING = "missing";

function quickRead(file: string): ParsedState | typeof MISSING | undefined {
  let bytes: Buffer | undefined;
  try {
    bytes = readBoundedFile(file, { maxBytes: MAX_STATE_BYTES });
  } catch {
    // A link that loops, a FIFO, a file too large: the full reader's to report.
    return undefined;
  }
  // No file, or a file where a folder of the path should be (readStateFile says the same).
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
