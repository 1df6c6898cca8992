import path from "node:path";
import { HandoffError } from "../errors.js";
import { CONFIG_FILE } from "./file-name.js";
import { configSchema, type HandoffConfig } from "../schema/config.js";
import { formatIssues } from "../serialize/parse.js";
import { MAX_SMALL_FILE_BYTES, readBoundedText } from "../util/read-bounded.js";

/** Reads `handoff.config.json` at the repository root; an absent file is an empty config. */
export function loadConfig(root: string): HandoffConfig {
  const file = path.join(root, CONFIG_FILE);
  let text: string | undefined;
  try {
    text = readBoundedText(file, { maxBytes: MAX_SMALL_FILE_BYTES, code: "E_CONFIG_INVALID", what: "handoff's configuration" });
  } catch (error) {
    if (error instanceof HandoffError) throw error;
    throw new HandoffError("E_CONFIG_INVALID", `${file} cannot be read: ${(error as Error).message}`, { file, cause: error });
  }
  if (text === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new HandoffError("E_CONFIG_INVALID", `${file} is not valid JSON: ${(error as Error).message}`, {
      file,
      hint: "fix the JSON syntax (a trailing comma or a missing quote, usually)",
      cause: error,
    });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new HandoffError("E_CONFIG_INVALID", `${file} is invalid:\n  ${formatIssues(result.error).join("\n  ")}`, {
      file,
      hint: "correct the fields named above; the README's Configuration section lists them",
    });
  }
  return result.data;
}
