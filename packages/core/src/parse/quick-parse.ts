/**
 * A zod-free reading of a state file that is plainly valid, for `handoff restore`'s fast path:
 * loading zod costs more than the whole rest of a restore. It mirrors the schema in
 * schema/session-state.ts (a test holds the two together) and returns what `parseState` would
 * return, known keys in the schema's order and other tools' keys after them. It never judges a
 * file: anything it is not sure of (bad JSON, a repair, a wrong type) gets `undefined`, and the
 * caller runs `parseState`, whose errors are the only ones users see.
 */
import type { SessionState } from "../schema/session-state.js";
import { CHECK_RESULTS, GIT_OPERATIONS, SEVERITIES, TASK_PRIORITIES, TASK_STATUSES } from "../schema/values.js";
import { MAX_STATE_BYTES } from "./limits.js";
import { repairLegacyState } from "./repair.js";

const INVALID = Symbol("invalid");
type Reader = (value: unknown) => unknown;
type Shape = Record<string, { read: Reader; optional: boolean }>;

/** Values nest no deeper than this here; deeper ones are left to `parseState` and its limit. */
const MAX_DEPTH = 64;

const string: Reader = (value) => (typeof value === "string" ? value : INVALID);
const boolean: Reader = (value) => (typeof value === "boolean" ? value : INVALID);
const integer: Reader = (value) => (Number.isSafeInteger(value) ? value : INVALID);
const nonNegativeInteger: Reader = (value) => (Number.isSafeInteger(value) && (value as number) >= 0 ? value : INVALID);
const literal = (expected: string): Reader => (value) => (value === expected ? value : INVALID);
const oneOf = (allowed: readonly string[]): Reader => (value) => (allowed.includes(value as string) ? value : INVALID);
const nullable = (read: Reader): Reader => (value) => (value === null ? null : read(value));

function arrayOf(read: Reader): Reader {
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    const items: unknown[] = [];
    for (const item of value) {
      const parsed = read(item);
      if (parsed === INVALID) return INVALID;
      items.push(parsed);
    }
    return items;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A loose object, as zod builds it: the shape's keys in its order, then the other keys as they came. */
function looseObject(shape: Shape): Reader {
  const known = Object.keys(shape);
  return (value) => {
    if (!isPlainObject(value)) return INVALID;
    const result: Record<string, unknown> = {};
    for (const key of known) {
      const field = shape[key]!;
      if (!Object.hasOwn(value, key)) {
        if (field.optional) continue;
        return INVALID;
      }
      const parsed = field.read(value[key]);
      if (parsed === INVALID) return INVALID;
      result[key] = parsed;
    }
    for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) result[key] = value[key];
    return result;
  };
}

const required = (read: Reader) => ({ read, optional: false });
const optional = (read: Reader) => ({ read, optional: true });
const fileList = arrayOf(string);
const checkResult = oneOf(CHECK_RESULTS);

const taskShape: Shape = {
  description: required(string),
  status: optional(oneOf(TASK_STATUSES)),
  priority: optional(oneOf(TASK_PRIORITIES)),
  estimated_time: optional(string),
  time_spent: optional(string),
  latest_request: optional(string),
};

const commandRunShape: Shape = {
  command: required(string),
  exit_code: optional(nullable(integer)),
};

const contextShape: Shape = {
  files_modified: optional(fileList),
  files_created: optional(fileList),
  files_modified_omitted: optional(nonNegativeInteger),
  files_created_omitted: optional(nonNegativeInteger),
  next_steps: optional(arrayOf(string)),
  commands_run: optional(arrayOf(looseObject(commandRunShape))),
};

const gitShape: Shape = {
  branch: required(string),
  uncommitted_changes: required(boolean),
  staged_files: required(fileList),
  last_commit: required(string),
  issues: optional(arrayOf(string)),
  prs: optional(arrayOf(string)),
  detached: optional(boolean),
  upstream: optional(string),
  ahead: optional(integer),
  behind: optional(integer),
  conflicted_files: optional(fileList),
  operation: optional(oneOf(GIT_OPERATIONS)),
  staged_files_omitted: optional(nonNegativeInteger),
  conflicted_files_omitted: optional(nonNegativeInteger),
};

const violationShape: Shape = {
  file: required(string),
  line: required(nonNegativeInteger),
  rule: required(string),
  severity: required(oneOf(SEVERITIES)),
  message: required(string),
  fix: optional(string),
};

const validationShape: Shape = {
  typescript: optional(checkResult),
  eslint: optional(checkResult),
  tests: optional(checkResult),
  strict_rules: optional(checkResult),
  violations: optional(arrayOf(looseObject(violationShape))),
  checked_at: optional(string),
};

const handoffShape: Shape = {
  from: optional(string),
  from_provider: optional(string),
  to: optional(string),
  reason: optional(string),
  at: optional(string),
  commit: optional(string),
  stash: optional(string),
};

const freshnessShape: Shape = {
  head: required(string),
  ref: required(string),
  index: required(string),
};

const stateShape: Shape = {
  version: required(literal("2.0")),
  timestamp: required(string),
  agent: required(string),
  provider: optional(string),
  model: optional(string),
  task: optional(looseObject(taskShape)),
  context: optional(looseObject(contextShape)),
  git: required(looseObject(gitShape)),
  validation: optional(looseObject(validationShape)),
  handoff: optional(looseObject(handoffShape)),
  freshness: optional(looseObject(freshnessShape)),
};

/** The mirrored objects by name, with which fields are optional: a test compares them with the schema. */
export const QUICK_SHAPES: Record<string, Record<string, { optional: boolean }>> = {
  state: stateShape,
  task: taskShape,
  commandRun: commandRunShape,
  context: contextShape,
  git: gitShape,
  violation: violationShape,
  validation: validationShape,
  handoff: handoffShape,
  freshness: freshnessShape,
};

const readState = looseObject(stateShape);

/** False for what `parseState` refuses beyond the schema: `__proto__` keys, and very deep nesting. */
function isPlainData(value: unknown, depth: number): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  if (Object.hasOwn(value, "__proto__")) return false;
  return Object.values(value).every((item) => isPlainData(item, depth + 1));
}

/** The state in `text` when it is plainly valid and needs no repair; otherwise undefined. */
export function quickParseState(text: string): SessionState | undefined {
  if (text.length > MAX_STATE_BYTES) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(raw) || !isPlainData(raw, 1)) return undefined;
  if (repairLegacyState(raw, "").length > 0) return undefined;
  const state = readState(raw);
  return state === INVALID ? undefined : (state as SessionState);
}
