import { isDeepStrictEqual } from "node:util";
import { isJsonEdit, type ConfigEdit, type JsonEdit, type JsonPath } from "./edits.js";
import { assertPathShape, editJson, formattingOf, jsonc, parseJsonObject, unreadableConfig } from "./json-text.js";
import { NOT_HANDOFFS, NOT_HANDOFFS_HINT, unclosedBlock, unclosedBlockHint } from "../messages.js";

type BlockEdit = Extract<ConfigEdit, { kind: "text-block" }>;

const eolOf = (text: string) => (text.includes("\r\n") ? "\r\n" : "\n");

function valueAt(tree: jsonc.Node | undefined, path: JsonPath): { node?: jsonc.Node; value?: unknown } {
  const node = tree ? jsonc.findNodeAtLocation(tree, path) : undefined;
  return node ? { node, value: jsonc.getNodeValue(node) } : {};
}

/** Indexes of the array items at `path` that are handoff's: their JSON text holds the marker. */
function markedItems(text: string, node: jsonc.Node | undefined, marker: string): number[] {
  if (node?.type !== "array") return [];
  const indexes: number[] = [];
  (node.children ?? []).forEach((child, index) => {
    if (text.slice(child.offset, child.offset + child.length).includes(marker) || JSON.stringify(jsonc.getNodeValue(child)).includes(marker)) {
      indexes.push(index);
    }
  });
  return indexes;
}

function applyJson(file: string, text: string, edit: JsonEdit): string {
  const created = text.trim() === "";
  let result = created ? "{}" : text;
  const tree = parseJsonObject(file, result);
  assertPathShape(file, tree, edit.path, edit.kind === "json-append" ? "array" : undefined);
  const { node, value } = valueAt(tree, edit.path);
  if (edit.kind === "json-set") {
    if (!node || !isDeepStrictEqual(value, edit.value)) result = editJson(result, edit.path, edit.value);
  } else if (edit.kind === "json-default") {
    if (!node) result = editJson(result, edit.path, edit.value);
  } else if (!node) {
    result = editJson(result, edit.path, [edit.value]);
  } else {
    const ours = markedItems(result, node, edit.marker);
    const [first, ...extra] = ours;
    // Later duplicates go first, so that the indexes before them stay right.
    for (const index of extra.reverse()) result = editJson(result, [...edit.path, index], undefined);
    if (first === undefined) {
      result = editJson(result, [...edit.path, node.children?.length ?? 0], edit.value, true);
    } else if (!isDeepStrictEqual(jsonc.getNodeValue(node.children![first]!), edit.value)) {
      result = editJson(result, [...edit.path, first], edit.value);
    }
  }
  return created ? `${result}${formattingOf(result).eol}` : result;
}

function isEmptyContainer(node: jsonc.Node | undefined): boolean {
  return (node?.type === "object" || node?.type === "array") && (node.children ?? []).length === 0;
}

/** Takes out the members left empty by a removal, up to (not including) the top level. */
function pruneEmptyParents(file: string, text: string, path: JsonPath): string {
  let result = text;
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const parentPath = path.slice(0, depth);
    if (!isEmptyContainer(valueAt(parseJsonObject(file, result), parentPath).node)) break;
    result = editJson(result, parentPath, undefined);
  }
  return result;
}

function removeJson(file: string, text: string, edit: JsonEdit): string {
  if (text.trim() === "" || edit.kind === "json-default") return text;
  const tree = parseJsonObject(file, text);
  const { node } = valueAt(tree, edit.path);
  if (!node) return text;
  let result = text;
  if (edit.kind === "json-set") {
    result = editJson(result, edit.path, undefined);
    return pruneEmptyParents(file, result, edit.path);
  }
  const ours = markedItems(result, node, edit.marker);
  if (!ours.length) return text;
  for (const index of ours.reverse()) result = editJson(result, [...edit.path, index], undefined);
  return pruneEmptyParents(file, result, [...edit.path, 0]);
}

function blockLines(edit: BlockEdit): string[] {
  return [edit.start, ...edit.body.split(/\r?\n/), edit.end];
}

/** The first and last line of the block in `lines`, or undefined. */
function findBlock(lines: string[], edit: BlockEdit): [number, number] | undefined {
  const start = lines.findIndex((line) => line.trim() === edit.start);
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.trim() === edit.end);
  return end === -1 ? undefined : [start, end];
}

function applyBlock(file: string, text: string, edit: BlockEdit): string {
  const eol = eolOf(text);
  const lines = text.split(/\r?\n/);
  const found = findBlock(lines, edit);
  if (!found && lines.some((line) => line.trim() === edit.start)) {
    throw unreadableConfig(file, unclosedBlock(edit.start, edit.end), unclosedBlockHint(edit.end));
  }
  if (found) {
    lines.splice(found[0], found[1] - found[0] + 1, ...blockLines(edit));
    return lines.join(eol);
  }
  if (text === "") return blockLines(edit).join(eol) + eol;
  const ending = text.endsWith("\n") ? "" : eol;
  return `${text}${ending}${eol}${blockLines(edit).join(eol)}${eol}`;
}

function removeBlock(text: string, edit: BlockEdit): string {
  const lines = text.split(/\r?\n/);
  const found = findBlock(lines, edit);
  if (!found) return text;
  const [start, end] = found;
  // The blank line install put before an appended block goes with it.
  const from = start > 0 && lines[start - 1]!.trim() === "" && (end === lines.length - 1 || lines[end + 1] === "") ? start - 1 : start;
  lines.splice(from, end - from + 1);
  return lines.join(eolOf(text));
}

/** `text` with `edit` made; `file` names the file in errors. */
export function applyEdit(file: string, text: string, edit: ConfigEdit): string {
  if (isJsonEdit(edit)) return applyJson(file, text, edit);
  if (edit.kind === "text-block") return applyBlock(file, text, edit);
  if (text !== "" && text !== edit.content) {
    throw unreadableConfig(file, NOT_HANDOFFS, NOT_HANDOFFS_HINT);
  }
  return edit.content;
}

/** `text` without what `edit` put there; a whole file handoff wrote becomes empty (to delete). */
export function removeEdit(file: string, text: string, edit: ConfigEdit): string {
  if (isJsonEdit(edit)) return removeJson(file, text, edit);
  if (edit.kind === "text-block") return removeBlock(text, edit);
  return text === edit.content ? "" : text;
}

export function applyEdits(file: string, text: string, edits: readonly ConfigEdit[]): string {
  return edits.reduce((result, edit) => applyEdit(file, result, edit), text);
}

export function removeEdits(file: string, text: string, edits: readonly ConfigEdit[]): string {
  return [...edits].reverse().reduce((result, edit) => removeEdit(file, result, edit), text);
}
