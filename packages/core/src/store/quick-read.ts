import { readFileSync, statSync } from "node:fs";
import { MAX_STATE_BYTES } from "../serialize/limits.js";
import type { ParsedState } from "../serialize/parse.js";
import { quickParseState } from "../serialize/quick-parse.js";

/**
 * An existing, plainly valid state file, read without zod. `undefined` means "not sure": the
 * caller then uses `readStateFile`, which reports a missing file, a bad one, or repairs it.
 */
export function readStateFileQuickly(file: string): ParsedState | undefined {
  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_STATE_BYTES) return undefined;
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const state = quickParseState(text);
  return state && { state, repairs: [] };
}
