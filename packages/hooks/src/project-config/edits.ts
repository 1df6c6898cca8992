/** A JSON path: object keys and array indexes, as jsonc-parser takes them. */
export type JsonPath = (string | number)[];

/**
 * One change a handoff feature makes to a project configuration file. Each is plain data, so the
 * record kept in the git directory can replay or take out another feature's changes later.
 */
export type ConfigEdit =
  /** JSON: the member at `path` holds `value` (objects on the way are created). */
  | { kind: "json-set"; path: JsonPath; value: unknown }
  /**
   * JSON: the member at `path` holds `value` when it has no value yet (a format `version`); a value
   * already there is the user's and stays. Uninstall leaves it: other entries may rely on it.
   */
  | { kind: "json-default"; path: JsonPath; value: unknown }
  /**
   * JSON: the array at `path` holds `value` once; an item whose JSON text contains `marker` is
   * handoff's (replaced when it differs), every other item is the user's and stays where it is.
   */
  | { kind: "json-append"; path: JsonPath; value: unknown; marker: string }
  /**
   * Any text file (Markdown, TOML, YAML): the lines from `start` to `end` are handoff's block,
   * replaced in place when present, otherwise appended after a blank line.
   */
  | { kind: "text-block"; start: string; end: string; body: string }
  /** A file that is handoff's alone (a plugin file): created with `content`, deleted on uninstall. */
  | { kind: "whole-file"; content: string };

export type JsonEdit = Extract<ConfigEdit, { kind: "json-set" | "json-default" | "json-append" }>;

export function isJsonEdit(edit: ConfigEdit): edit is JsonEdit {
  return edit.kind === "json-set" || edit.kind === "json-default" || edit.kind === "json-append";
}
