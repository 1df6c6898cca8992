import type { z } from "zod";
import { HandoffError } from "../errors.js";
import { sessionStateSchema, type SessionState } from "../schema/session-state.js";
import { jsonErrorOffset } from "./json-error-offset.js";
import { lineAndColumn, MAX_NESTING_DEPTH, scanTopLevelObject } from "./json-extent.js";
import { MAX_STATE_BYTES } from "./limits.js";
import { repairLegacyState } from "./repair.js";
import { displaySafe } from "../util/sanitize.js";
import {
  INVALID_JSON_HINT,
  NESTED_TOO_DEEP_HINT,
  nestedTooDeep,
  PROTO_KEY_HINT,
  protoKey,
  SCHEMA_HINT,
  STATE_TOO_LARGE_HINT,
  stateNotInSchema,
  stateFileTooLarge,
} from "../messages.js";

export { MAX_STATE_BYTES };

export interface ParsedState {
  state: SessionState;
  /** What was repaired on load, one sentence each; empty for a clean file. */
  repairs: string[];
  /** The file held bytes that are not UTF-8: they read as U+FFFD, so rewriting it backs it up first. */
  notUtf8?: boolean;
}

/**
 * A field's path in the one notation of handoff's messages: `git.staged_files[3]`,
 * `rules[0] (design-tokens).flags` (`label` adds the rule id after an index).
 */
export function fieldPath(path: readonly PropertyKey[], label?: (prefix: readonly PropertyKey[]) => string | undefined): string {
  let text = "";
  path.forEach((key, index) => {
    if (typeof key === "number") {
      text += `[${key}]`;
      const name = label?.(path.slice(0, index + 1));
      if (name) text += ` (${name})`;
    } else text += text ? `.${String(key)}` : String(key);
  });
  return text || "(root)";
}

/** `path: message` lines, as changesets prints config errors. */
export function formatIssues(error: z.ZodError, label?: (prefix: readonly PropertyKey[]) => string | undefined): string[] {
  return error.issues.map((issue) => `${fieldPath(issue.path, label)}: ${issue.message}`);
}

/**
 * What JSON.parse says is wrong, without where (the message gives line and column instead) and
 * without the text it quotes, which can span lines or hold control sequences.
 */
export function jsonSyntaxReason(detail: string): string {
  return detail
    .replace(/, ".*" is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?$/, "")
    .trim();
}

/** `<file>:<line>:<column>: not valid JSON (<reason>)`, the one form for every JSON file handoff reads. */
export function jsonSyntaxMessage(file: string, text: string, offset: number, detail: string): string {
  const { line, column } = lineAndColumn(text, offset);
  return `${file}:${line}:${column}: not valid JSON (${displaySafe(jsonSyntaxReason(detail))})`;
}

function invalidJson(file: string, text: string, offset: number, detail: string): HandoffError {
  return new HandoffError("E_STATE_INVALID_JSON", jsonSyntaxMessage(file, text, offset, detail), {
    file,
    hint: INVALID_JSON_HINT,
  });
}

export function stateTooLarge(file: string, size: number): HandoffError {
  return new HandoffError("E_STATE_TOO_LARGE", stateFileTooLarge(file, size, MAX_STATE_BYTES), {
    file,
    hint: STATE_TOO_LARGE_HINT,
  });
}

function tooDeep(file: string, text: string, offset: number): HandoffError {
  const { line, column } = lineAndColumn(text, offset);
  return new HandoffError("E_STATE_TOO_LARGE", nestedTooDeep(file, line, column, MAX_NESTING_DEPTH), {
    file,
    hint: NESTED_TOO_DEEP_HINT,
  });
}

/**
 * JSON.parse keeps a `"__proto__"` key as data, but copying the object (as the schema does)
 * would turn it into a prototype and drop it: such a file is refused rather than lose the key.
 */
function pathOfProtoKey(value: unknown, at: string[]): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, "__proto__")) {
    return [...at, "__proto__"].join(".");
  }
  for (const [key, item] of Object.entries(value)) {
    const found = pathOfProtoKey(item, [...at, key]);
    if (found) return found;
  }
  return undefined;
}

/** Parses a state file's text; `file` names it in every error. Never throws anything but HandoffError. */
export function parseState(text: string, file = "session state"): ParsedState {
  if (text.length > MAX_STATE_BYTES) throw stateTooLarge(file, text.length);
  const body = text.replace(/^\uFEFF/, "");
  const start = body.search(/\S/);
  if (start === -1 || body[start] !== "{") {
    throw invalidJson(file, body, Math.max(start, 0), start === -1 ? "the file is empty" : "expected an object");
  }
  const { end, tooDeepAt } = scanTopLevelObject(body);
  if (tooDeepAt !== -1) throw tooDeep(file, body, tooDeepAt);
  if (end === -1) throw invalidJson(file, body, body.length, "the object never closes");
  const trailing = body.slice(end);
  const extra = trailing.search(/\S/);
  // Appended prose is an escalation note; appended brackets or commas are a broken file.
  if (extra !== -1 && /[{}[\],:]/.test(trailing[extra]!)) {
    throw invalidJson(file, body, end + extra, "unexpected text after the closing brace");
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body.slice(0, end));
  } catch (error) {
    const offset = jsonErrorOffset(body.slice(0, end));
    throw invalidJson(file, body, offset === -1 ? start : offset, error instanceof Error ? error.message : String(error));
  }
  const protoPath = pathOfProtoKey(raw, []);
  if (protoPath) {
    throw new HandoffError("E_STATE_SCHEMA", stateNotInSchema(file, [protoKey(protoPath)]), {
      file,
      hint: PROTO_KEY_HINT,
    });
  }
  const repairs = repairLegacyState(raw as Record<string, unknown>, trailing);
  const result = sessionStateSchema.safeParse(raw);
  if (!result.success) {
    const lines = formatIssues(result.error);
    throw new HandoffError("E_STATE_SCHEMA", stateNotInSchema(file, lines), {
      file,
      hint: SCHEMA_HINT,
    });
  }
  return { state: result.data, repairs };
}
