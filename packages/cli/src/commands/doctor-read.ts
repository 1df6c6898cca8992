import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import jsonc from "jsonc-parser";
import { jsonErrorAt, NOT_A_REGULAR_FILE, overLimit } from "../messages/doctor.js";

/** Agent and hook configuration files are a few kilobytes; one larger is not read. */
export const MAX_CONFIG_FILE_BYTES = 256 * 1024;

export type ReadResult = { kind: "missing" } | { kind: "text"; text: string } | { kind: "unreadable"; reason: string };

/**
 * A repository file, read as hostile input: only a regular file (a symlink is not followed), only
 * up to the cap, so that a link to /dev/zero or a huge file cannot stall or exhaust doctor.
 */
export function readCapped(file: string, cap = MAX_CONFIG_FILE_BYTES): ReadResult {
  try {
    if (!lstatSync(file).isFile()) return { kind: "unreadable", reason: NOT_A_REGULAR_FILE };
  } catch {
    return { kind: "missing" };
  }
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, "r");
    const size = fstatSync(descriptor).size;
    if (size > cap) return { kind: "unreadable", reason: overLimit(size, cap) };
    const buffer = Buffer.alloc(size);
    const read = readSync(descriptor, buffer, 0, size, 0);
    return { kind: "text", text: buffer.subarray(0, read).toString("utf8") };
  } catch (error) {
    return { kind: "unreadable", reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** JSON with comments and trailing commas (VS Code's settings files, Claude Code's, Gemini CLI's). */
export function parseJsonc(text: string): { value?: unknown; error?: string } {
  const errors: jsonc.ParseError[] = [];
  const value: unknown = jsonc.parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0]!;
    const before = text.slice(0, first.offset).split("\n");
    return { error: jsonErrorAt(jsonc.printParseErrorCode(first.error), before.length, before.at(-1)!.length + 1) };
  }
  return { value };
}

/** Whether any string (or key) under `value` names handoff: how an entry another tool wrote is recognised. */
export function mentionsHandoff(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return /\bhandoff\b/i.test(value);
  if (Array.isArray(value)) return value.some((item) => mentionsHandoff(item, depth + 1));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).some(([key, item]) => /\bhandoff\b/i.test(key) || mentionsHandoff(item, depth + 1));
  }
  return false;
}
