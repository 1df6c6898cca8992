/**
 * fast-check arbitraries for session states, derived from the zod schema itself (through
 * z.toJSONSchema): every field of the schema, at every level, is generated, so a field added to
 * or changed in the schema reaches the property tests with no edit here.
 */
import fc from "fast-check";
import { z } from "zod";
import { sessionStateSchema } from "../../src/schema/session-state.js";

export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
}

/** The zod schema of the state as JSON Schema, as the shipped file and the quick parser's fields are made. */
export const STATE_JSON_SCHEMA = z.toJSONSchema(sessionStateSchema, { target: "draft-07", io: "input" }) as JsonSchema;

export interface StateArbitraryOptions {
  /** Any string field. */
  string: fc.Arbitrary<string>;
  /** Arbitraries for given fields, by path: `git.staged_files[]` is an item of that list. */
  at?: Record<string, fc.Arbitrary<unknown>>;
  /** Wraps every field's arbitrary (to make it sometimes wrong, say). */
  wrap?: (arbitrary: fc.Arbitrary<unknown>, path: string) => fc.Arbitrary<unknown>;
  /** Keys other tools may add to an object whose own keys are `known`. */
  extras?: (known: string[]) => fc.Arbitrary<Record<string, unknown>>;
  /** The longest list generated. */
  maxItems?: number;
}

const INT32 = 2 ** 31 - 1;
const clamp = (value: number | undefined, fallback: number) => Math.max(-INT32 - 1, Math.min(INT32, value ?? fallback));

/** An arbitrary of the values `schema` accepts (wrapped by `options.wrap`). */
export function arbitraryFor(schema: JsonSchema, options: StateArbitraryOptions, path = ""): fc.Arbitrary<unknown> {
  const own = options.at?.[path] ?? valuesOf(schema, options, path);
  return options.wrap && path !== "" ? options.wrap(own, path) : own;
}

function valuesOf(schema: JsonSchema, options: StateArbitraryOptions, path: string): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => valuesOf(option, options, path)));
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "string":
      return options.string;
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "integer":
      return fc.integer({ min: clamp(schema.minimum, -INT32 - 1), max: clamp(schema.maximum, INT32) });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "array":
      return fc.array(arbitraryFor(schema.items!, options, `${path}[]`), { maxLength: options.maxItems ?? 3 });
    case "object": {
      const known = Object.keys(schema.properties ?? {});
      const fields = Object.fromEntries(
        known.map((key) => [key, arbitraryFor(schema.properties![key]!, options, path ? `${path}.${key}` : key)]),
      );
      const record = fc.record(fields, { requiredKeys: schema.required ?? [] });
      if (!options.extras) return record;
      return fc.tuple(record, options.extras(known)).map(([own, extra]) => ({ ...own, ...extra }));
    }
    default:
      throw new Error(`${path || "(root)"}: no arbitrary for ${JSON.stringify(schema)}: teach test/schema/state-arbitrary.ts`);
  }
}

/** Every field's path in `schema` (`git.staged_files`, `context.commands_run[].exit_code`, ...). */
export function fieldPaths(schema: JsonSchema, path = ""): string[] {
  if (schema.items) return fieldPaths(schema.items, `${path}[]`);
  return Object.entries(schema.properties ?? {}).flatMap(([key, field]) => {
    const at = path ? `${path}.${key}` : key;
    return [at, ...fieldPaths(field, at)];
  });
}

/** The paths of `schema`'s fields present in `value`. */
export function pathsIn(value: unknown, schema: JsonSchema, path = "", found = new Set<string>()): Set<string> {
  if (Array.isArray(value) && schema.items) for (const item of value) pathsIn(item, schema.items, `${path}[]`, found);
  if (typeof value === "object" && value !== null && !Array.isArray(value) && schema.properties) {
    for (const [key, field] of Object.entries(schema.properties)) {
      if (!Object.hasOwn(value, key)) continue;
      const at = path ? `${path}.${key}` : key;
      found.add(at);
      pathsIn((value as Record<string, unknown>)[key], field, at, found);
    }
  }
  return found;
}
