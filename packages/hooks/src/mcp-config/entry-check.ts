import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse as parseToml, TomlError } from "smol-toml";
import { applyEdits } from "../project-config/apply-edits.js";
import { jsonc, parseJsonObject, unreadableConfig } from "../project-config/json-text.js";
import type { McpConfigFile } from "./agent-files.js";
import { FIX_OR_MOVE, notValidToml, tomlAt, tomlTableWouldBreak, tomlTableWouldBreakHint } from "../messages.js";

/** `mine`: handoff's entry can be written; `theirs`: the user has an entry of that name, kept as it is. */
export type EntryVerdict = "mine" | "theirs";

function parseTomlFile(file: string, text: string): Record<string, unknown> {
  try {
    return parseToml(text);
  } catch (error) {
    const where = error instanceof TomlError ? tomlAt(error.line, error.column) : "";
    const problem = (error as Error).message.split("\n")[0];
    throw unreadableConfig(file, notValidToml(problem ?? "", where), FIX_OR_MOVE);
  }
}

/** Parsers' objects as plain JSON data, to compare (smol-toml's and jsonc-parser's have no prototype). */
const plain = (value: unknown): unknown => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));

function entryIn(tree: unknown, entry: string[]): unknown {
  return plain(entry.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), tree));
}

/**
 * Reads the file as the agent would, before anything is written: a file that does not parse is an
 * error naming it; an entry named `handoff` that handoff did not write is the user's. For TOML,
 * where handoff appends a table of its own, the file with that table must still parse (an inline
 * `mcp_servers = { ... }` cannot take one): otherwise it is an error, and nothing is written.
 */
export function checkEntry(root: string, config: McpConfigFile, text: string | undefined, recordedAsMine: boolean): EntryVerdict {
  const file = path.join(root, config.file);
  const current = text ?? "";
  if (config.format === "json") {
    const tree = parseJsonObject(file, current);
    const node = tree ? jsonc.findNodeAtLocation(tree, config.entry) : undefined;
    if (node && !recordedAsMine && !isDeepStrictEqual(plain(jsonc.getNodeValue(node)), config.value)) return "theirs";
    return "mine";
  }
  const existing = entryIn(parseTomlFile(file, current), config.entry);
  // A table of the same name outside handoff's block is the user's, even with the same values: a second one would not parse.
  if (existing !== undefined && !recordedAsMine) return "theirs";
  let after: unknown;
  try {
    after = parseToml(applyEdits(file, current, config.edits));
  } catch {
    after = undefined;
  }
  if (!isDeepStrictEqual(entryIn(after, config.entry), config.value)) {
    const table = `[${config.entry.join(".")}]`;
    throw unreadableConfig(
      file,
      tomlTableWouldBreak(table),
      tomlTableWouldBreakHint(table),
    );
  }
  return "mine";
}
