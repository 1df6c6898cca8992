import { isUtf8 } from "node:buffer";
import { MAX_STATE_BYTES } from "../serialize/limits.js";
import type { ParsedState } from "../serialize/parse.js";
import { quickParseState } from "../serialize/quick-parse.js";
import { readBoundedFile } from "../util/read-bounded.js";

/**
 * An existing, plainly valid state file, read without zod. `undefined` means "not sure": the
 * caller then uses `readStateFile`, which reports a missing file, a bad one, or repairs it.
 */
export function readStateFileQuickly(file: string): ParsedState | undefined {
  let bytes: Buffer | undefined;
  try {
    bytes = readBoundedFile(file, { maxBytes: MAX_STATE_BYTES });
  } catch {
    return undefined;
  }
  // Bytes that are not UTF-8 are the full reader's to report.
  const state = bytes === undefined || !isUtf8(bytes) ? undefined : quickParseState(bytes.toString("utf8"));
  return state && { state, repairs: [] };
}
