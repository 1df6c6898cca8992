import { readFileSync, statSync } from "node:fs";
import { MAX_STATE_BYTES } from "../serialize/limits.js";
import type { ParsedState } from "../serialize/parse.js";
import { quickParseState } from "../serialize/quick-parse.js";

const MISSING = "missing";

function quickRead(file: string): ParsedState | typeof MISSING | undefined {
  let text: string;
  try {
    // Most agents have no state here: no exception (and its stack trace) for each of them.
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return MISSING;
    if (!stat.isFile() || stat.size > MAX_STATE_BYTES) return undefined;
    text = readFileSync(file, "utf8");
  } catch (error) {
    // ENOTDIR: a file sits where a folder of the path should be, so there is no state either (as readStateFile says).
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? MISSING : undefined;
  }
  const state = quickParseState(text);
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
