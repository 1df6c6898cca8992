/**
 * A zod-free reading of a state file that is plainly valid, for the fast paths (restore, and a
 * save's read of the previous state): loading zod costs more than the whole rest of a restore.
 * It reads the schema through schema/state-fields.generated.ts, generated from the zod schema (a
 * test fails when it lags), and returns what `parseState` would return, known keys in the
 * schema's order and other tools' keys after them. It never judges a file: anything it is not
 * sure of (bad JSON, a repair, a wrong type, a keyword it does not know) gets `undefined`, and
 * the caller runs `parseState`, whose errors are the only ones users see.
 */
import type { SessionState } from "../schema/session-state.js";
import { STATE_FIELDS } from "../schema/state-fields.generated.js";
import { MAX_STATE_BYTES } from "./limits.js";
import { repairLegacyState } from "./repair.js";

const INVALID = Symbol("invalid");
type Reader = (value: unknown) => unknown;

/** The JSON Schema keywords the generated fields use (scripts/state-fields-source.mjs allows no others). */
interface Field {
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: Field;
  readonly properties?: { readonly [key: string]: Field };
  readonly required?: readonly string[];
  readonly anyOf?: readonly Field[];
}

/** Values nest no deeper than this here; deeper ones are left to `parseState` and its limit. */
const MAX_DEPTH = 64;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

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

/** A loose object, as zod builds it: the known keys in the schema's order, then the other keys as they came. */
function looseObject(properties: { readonly [key: string]: Field }, required: readonly string[]): Reader {
  const known = Object.entries(properties).map(([key, field]) => ({ key, read: reader(field), optional: !required.includes(key) }));
  return (value) => {
    if (!isPlainObject(value)) return INVALID;
    const result: Record<string, unknown> = {};
    for (const { key, read, optional } of known) {
      if (!Object.hasOwn(value, key)) {
        if (optional) continue;
        return INVALID;
      }
      const parsed = read(value[key]);
      if (parsed === INVALID) return INVALID;
      result[key] = parsed;
    }
    for (const key of Object.keys(value)) if (!Object.hasOwn(properties, key)) result[key] = value[key];
    return result;
  };
}

function anyOf(readers: Reader[]): Reader {
  return (value) => {
    for (const read of readers) {
      const parsed = read(value);
      if (parsed !== INVALID) return parsed;
    }
    return INVALID;
  };
}

/** Whether `value` is of JSON Schema `type`, within the field's const, enum and range. */
function matches(field: Field, value: unknown): boolean {
  switch (field.type) {
    case "string":
      if (typeof value !== "string") return false;
      break;
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    case "integer":
      if (!Number.isSafeInteger(value)) return false;
      break;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return false;
      break;
    default:
      return false;
  }
  if ("const" in field && value !== field.const) return false;
  if (field.enum && !field.enum.includes(value)) return false;
  if (typeof value === "number" && (value < (field.minimum ?? -Infinity) || value > (field.maximum ?? Infinity))) return false;
  return true;
}

/** The reader of one field; a field it cannot read leaves every file to `parseState`. */
function reader(field: Field): Reader {
  if (field.anyOf) return anyOf(field.anyOf.map(reader));
  if (field.type === "object" && field.properties) return looseObject(field.properties, field.required ?? []);
  if (field.type === "array" && field.items) return arrayOf(reader(field.items));
  return (value) => (matches(field, value) ? value : INVALID);
}

const readState = reader(STATE_FIELDS);

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
