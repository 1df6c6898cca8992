import { HandoffError, isHandoffError } from "../errors.js";
import { MAX_STATE_BYTES, parseState, stateTooLarge, type ParsedState } from "../serialize/parse.js";
import { readBoundedText } from "../util/read-bounded.js";

/** Reads and parses a state file; undefined when there is none. Bad content throws a HandoffError. */
export function readStateFile(file: string): ParsedState | undefined {
  let text: string | undefined;
  try {
    text = readBoundedText(file, {
      maxBytes: MAX_STATE_BYTES,
      code: "E_STATE_INVALID_JSON",
      what: "a session state",
      tooLarge: stateTooLarge,
    });
  } catch (error) {
    if (isHandoffError(error)) throw error;
    if ((error as NodeJS.ErrnoException).code === "ELOOP") {
      throw new HandoffError("E_SYMLINK", `${file} is a symbolic link that loops`, {
        file,
        hint: "remove the link and run `handoff save <agent>`",
        cause: error,
      });
    }
    throw error;
  }
  return text === undefined ? undefined : parseState(text, file);
}
