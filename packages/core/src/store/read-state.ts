import { isUtf8 } from "node:buffer";
import { HandoffError, isHandoffError } from "../errors.js";
import { MAX_STATE_BYTES, parseState, stateTooLarge, type ParsedState } from "../parse/parse.js";
import { readBoundedFile } from "../util/read-bounded.js";
import { SYMLINK_LOOPS_HINT, symlinkLoops } from "../messages.js";

/** Reads and parses a state file; undefined when there is none. Bad content throws a HandoffError. */
export function readStateFile(file: string): ParsedState | undefined {
  let bytes: Buffer | undefined;
  try {
    bytes = readBoundedFile(file, {
      maxBytes: MAX_STATE_BYTES,
      code: "E_STATE_INVALID_JSON",
      what: "a session state",
      tooLarge: stateTooLarge,
    });
  } catch (error) {
    if (isHandoffError(error)) throw error;
    if ((error as NodeJS.ErrnoException).code === "ELOOP") {
      throw new HandoffError("E_SYMLINK", symlinkLoops(file), {
        file,
        hint: SYMLINK_LOOPS_HINT,
        cause: error,
      });
    }
    throw error;
  }
  if (bytes === undefined) return undefined;
  const parsed = parseState(bytes.toString("utf8"), file);
  if (isUtf8(bytes)) return parsed;
  return {
    ...parsed,
    notUtf8: true,
    repairs: [...parsed.repairs, "bytes that are not UTF-8 read as U+FFFD; a rewrite keeps the original as a .corrupt-<time> backup first"],
  };
}
