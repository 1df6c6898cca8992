import { readFileSync, statSync } from "node:fs";
import { HandoffError } from "../errors.js";
import { MAX_STATE_BYTES, parseState, stateTooLarge, type ParsedState } from "../serialize/parse.js";

/** Reads and parses a state file; undefined when there is none. Bad content throws a HandoffError. */
export function readStateFile(file: string): ParsedState | undefined {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new HandoffError("E_STATE_INVALID_JSON", `${file} is not a regular file`, {
        file,
        hint: "move it away; handoff keeps its state in a plain JSON file",
      });
    }
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file sits where a folder of the path should be, so there is no state either.
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "ELOOP") {
      throw new HandoffError("E_SYMLINK", `${file} is a symbolic link that loops`, {
        file,
        hint: "remove the link and run `handoff save <agent>`",
        cause: error,
      });
    }
    throw error;
  }
  if (size > MAX_STATE_BYTES) throw stateTooLarge(file, size);
  return parseState(readFileSync(file, "utf8"), file);
}
