import { BLOCK_BEGIN, BLOCK_END, CREATED_LINE } from "./hook-scripts.js";

interface Line {
  text: string;
  /** The text with its line terminator, exactly as in the file. */
  raw: string;
}

function splitLines(content: string): Line[] {
  const parts = content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return parts.map((raw) => ({ raw, text: raw.replace(/\r?\n$/, "") }));
}

function eolOf(content: string): string {
  return content.includes("\r\n") ? "\r\n" : "\n";
}

/** The index range [begin, end] of handoff's block, or undefined when the file has none (or half of one). */
function findBlock(lines: Line[]): [number, number] | undefined {
  const begin = lines.findIndex((line) => line.text.startsWith(BLOCK_BEGIN));
  if (begin === -1) return undefined;
  const end = lines.findIndex((line, index) => index > begin && line.text === BLOCK_END);
  return end === -1 ? undefined : [begin, end];
}

export function hasHandoffBlock(content: string): boolean {
  return splitLines(content).some((line) => line.text.startsWith(BLOCK_BEGIN));
}

/**
 * The content of a husky hook file with handoff's block in it. A new file gets a first line saying
 * handoff created it; an existing one gets the block right after its `#!` line (or at the top), so
 * that an `exit` further down cannot skip it, and keeps every line it had. A block already there
 * is brought up to date in place.
 */
export function withHandoffBlock(content: string | undefined, block: readonly string[]): string {
  if (content === undefined) return [CREATED_LINE, ...block, ""].join("\n");
  const eol = eolOf(content);
  const blockText = block.map((line) => line + eol).join("");
  const lines = splitLines(content);
  const found = findBlock(lines);
  if (found) {
    const [begin, end] = found;
    return [...lines.slice(0, begin).map((line) => line.raw), blockText, ...lines.slice(end + 1).map((line) => line.raw)].join("");
  }
  const first = lines[0];
  const afterShebang = first !== undefined && first.text.startsWith("#!") && first.raw !== first.text ? 1 : 0;
  return [...lines.slice(0, afterShebang).map((line) => line.raw), blockText, ...lines.slice(afterShebang).map((line) => line.raw)].join("");
}

export type Removal = { kind: "unchanged" } | { kind: "delete" } | { kind: "rewrite"; content: string };

/**
 * Takes handoff's block out again, byte for byte. A file handoff created is deleted when nothing
 * else was added to it; otherwise only the created-by line goes. A block whose end line was
 * removed by hand is left for the user to fix (`unchanged`).
 */
export function withoutHandoffBlock(content: string): Removal {
  const lines = splitLines(content);
  const found = findBlock(lines);
  if (!found) return { kind: "unchanged" };
  const [begin, end] = found;
  const rest = [...lines.slice(0, begin), ...lines.slice(end + 1)];
  const created = rest.findIndex((line) => line.text === CREATED_LINE);
  if (created !== -1) {
    rest.splice(created, 1);
    if (rest.every((line) => line.text.trim() === "")) return { kind: "delete" };
  }
  return { kind: "rewrite", content: rest.map((line) => line.raw).join("") };
}
