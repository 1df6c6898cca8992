import { HandoffError } from "@handoff/core";
import jsonc from "jsonc-parser";
import type { JsonPath } from "./edits.js";
import {
  configLeftUntouched,
  FIX_OR_MOVE,
  lineAndColumn as lineAndColumnText,
  NOT_A_JSON_OBJECT,
  NOT_A_JSON_OBJECT_HINT,
  notValidJson,
  quotedField,
  TOP_LEVEL,
  wrongShape,
  wrongShapeHint,
} from "../messages.js";

/** Keeps the file's own indentation and line ends for whatever handoff inserts. */
export function formattingOf(text: string): jsonc.FormattingOptions {
  const indent = /^[ \t]+(?=["}\]])/m.exec(text)?.[0] ?? "  ";
  return {
    insertSpaces: !indent.startsWith("\t"),
    tabSize: indent.startsWith("\t") ? 1 : indent.length,
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return lineAndColumnText(before.length, before.at(-1)!.length + 1);
}

export function unreadableConfig(file: string, problem: string, hint: string): HandoffError {
  return new HandoffError("E_AGENT_CONFIG_INVALID", configLeftUntouched(file, problem), { file, hint });
}

/** The parsed tree of a JSON (or JSON with comments) object file; anything else is an error naming it. */
export function parseJsonObject(file: string, text: string): jsonc.Node | undefined {
  if (text.trim() === "") return undefined;
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    throw unreadableConfig(
      file,
      notValidJson(jsonc.printParseErrorCode(first.error), lineAndColumn(text, first.offset)),
      FIX_OR_MOVE,
    );
  }
  if (tree?.type !== "object") {
    throw unreadableConfig(file, NOT_A_JSON_OBJECT, NOT_A_JSON_OBJECT_HINT);
  }
  return tree;
}

const fieldName = (path: JsonPath) => path.map(String).join(".");

/**
 * Checks that every container on the way to `path` is of the kind the path needs (an object for
 * a key, an array for an index), so that no edit replaces a value the user put there.
 */
export function assertPathShape(file: string, tree: jsonc.Node | undefined, path: JsonPath, leaf?: "array"): void {
  if (!tree) return;
  for (let depth = 0; depth <= path.length; depth++) {
    const node = jsonc.findNodeAtLocation(tree, path.slice(0, depth));
    if (!node) return;
    const needed = depth < path.length ? (typeof path[depth] === "number" ? "array" : "object") : leaf;
    if (needed && node.type !== needed) {
      const where = depth === 0 ? TOP_LEVEL : quotedField(fieldName(path.slice(0, depth)));
      throw unreadableConfig(file, wrongShape(where, node.type, needed), wrongShapeHint(where, needed));
    }
  }
}

export function editJson(text: string, path: JsonPath, value: unknown, isArrayInsertion = false): string {
  const formattingOptions = formattingOf(text);
  return jsonc.applyEdits(text, jsonc.modify(text, path, value, { formattingOptions, isArrayInsertion }));
}

export { jsonc };
