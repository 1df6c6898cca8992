import path from "node:path";
import { HandoffError } from "../errors.js";
import { CONFIG_FILE } from "./file-name.js";
import { configSchema, type HandoffConfig } from "../schema/config.js";
import { jsonErrorOffset } from "../parse/json-error-offset.js";
import { formatIssues, jsonSyntaxMessage } from "../parse/parse.js";
import { displaySafe } from "../util/sanitize.js";
import { MAX_SMALL_FILE_BYTES, readBoundedText } from "../util/read-bounded.js";
import { CONFIG_INVALID_HINT, CONFIG_SYNTAX_HINT, configInvalid, configUnreadable } from "../messages.js";

/** Reads `handoff.config.json` at the repository root; an absent file is an empty config. */
export function loadConfig(root: string): HandoffConfig {
  const file = path.join(root, CONFIG_FILE);
  let text: string | undefined;
  try {
    text = readBoundedText(file, { maxBytes: MAX_SMALL_FILE_BYTES, code: "E_CONFIG_INVALID", what: "handoff's configuration" });
  } catch (error) {
    if (error instanceof HandoffError) throw error;
    throw new HandoffError("E_CONFIG_INVALID", configUnreadable(file, (error as Error).message), { file, cause: error });
  }
  if (text === undefined) return {};
  let raw: unknown;
  const body = text.replace(/^\uFEFF/, "");
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(body);
    throw new HandoffError("E_CONFIG_INVALID", jsonSyntaxMessage(file, body, offset === -1 ? 0 : offset, (error as Error).message), {
      file,
      hint: CONFIG_SYNTAX_HINT,
      cause: error,
    });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    // Field names are the config's own keys: shown escaped, should they hold control characters.
    const lines = formatIssues(result.error, (prefix) => ruleIdAt(raw, prefix)).map(displaySafe);
    throw new HandoffError("E_CONFIG_INVALID", configInvalid(displaySafe(file), lines), {
      file,
      hint: CONFIG_INVALID_HINT,
    });
  }
  return result.data;
}

/** The id of the rule at `rules[n]`, to name it as `rules[n] (id)` like the rule checks do. */
function ruleIdAt(raw: unknown, prefix: readonly PropertyKey[]): string | undefined {
  if (prefix.length !== 2 || prefix[0] !== "rules" || typeof prefix[1] !== "number") return undefined;
  const id = (raw as { rules?: { id?: unknown }[] }).rules?.[prefix[1]]?.id;
  return typeof id === "string" ? id : undefined;
}
