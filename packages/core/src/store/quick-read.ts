import { MAX_STATE_BYTES } from "../serialize/limits.js";
import type { ParsedState } from "../serialize/parse.js";
import { quickParseState } from "../serialize/quick-parse.js";
import { readBoundedText } from "../util/read-bounded.js";

/**
 * An existing, plainly valid state file, read without zod. `undefined` means "not sure": the
 * caller then uses `readStateFile`, which reports a missing file, a bad one, or repairs it.
 */
export function readStateFileQuickly(file: string): ParsedState | undefined {
  let text: string | undefined;
  try {
    text = readBoundedText(file, { maxBytes: MAX_STATE_BYTES });
  } catch {
    return undefined;
  }
  const state = text === undefined ? undefined : quickParseState(text);
  return state && { state, repairs: [] };
}
