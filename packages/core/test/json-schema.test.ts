import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { parseState, saveSession, sessionStateSchema } from "@handoff/core";

afterAll(cleanupTempDirs);

/** The file `build` generates and the package ships (exports "./schema/session-state.schema.json"). */
const SHIPPED = JSON.parse(readFileSync(new URL("../schema/session-state.schema.json", import.meta.url), "utf8"));
const SPEC_EXAMPLE = readFileSync(new URL("./fixtures/spec-example-state.json", import.meta.url), "utf8");

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

/**
 * The JSON Schema keywords z.toJSONSchema emits for our schema, checked the way a validator in an
 * editor would. Returns `path: problem` lines; empty when the value is valid.
 */
function validate(schema: JsonSchema, value: unknown, at = "(root)"): string[] {
  if (schema.anyOf) {
    return schema.anyOf.some((option) => validate(option, value, at).length === 0) ? [] : [`${at}: matches no anyOf option`];
  }
  const actual = typeOf(value);
  if (schema.type && !(schema.type === actual || (schema.type === "number" && actual === "integer"))) {
    return [`${at}: expected ${schema.type}, got ${actual}`];
  }
  if ("const" in schema && value !== schema.const) return [`${at}: must be ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: must be one of ${schema.enum.join(", ")}`];
  if (typeof value === "number" && ((schema.minimum ?? -Infinity) > value || value > (schema.maximum ?? Infinity))) {
    return [`${at}: out of range`];
  }
  if (actual === "array" && schema.items) {
    return (value as unknown[]).flatMap((item, index) => validate(schema.items!, item, `${at}[${index}]`));
  }
  if (actual !== "object") return [];
  const record = value as Record<string, unknown>;
  const problems = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: required`);
  for (const [key, item] of Object.entries(record)) {
    const property = schema.properties?.[key];
    if (property) problems.push(...validate(property, item, `${at}.${key}`));
    else if (schema.additionalProperties === false) problems.push(`${at}.${key}: not allowed`);
  }
  return problems;
}

function acceptedByZod(value: unknown): boolean {
  return sessionStateSchema.safeParse(value).success;
}

/** Walks the zod schema and the JSON Schema side by side: same properties, required keys, enums. */
function compareStructure(zodSchema: z.ZodType, json: JsonSchema, at: string): void {
  const schema = zodSchema instanceof z.ZodOptional ? (zodSchema.unwrap() as z.ZodType) : zodSchema;
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const required = Object.keys(shape).filter((key) => !(shape[key] instanceof z.ZodOptional));
    expect(json.type, at).toBe("object");
    expect([...(json.required ?? [])].sort(), `${at} required`).toEqual(required.sort());
    expect(Object.keys(json.properties ?? {}).filter((key) => key !== "$schema"), `${at} properties`).toEqual(
      Object.keys(shape),
    );
    // Loose objects: whatever other tools write must stay valid.
    expect(json.additionalProperties, `${at} additionalProperties`).not.toBe(false);
    for (const [key, value] of Object.entries(shape)) compareStructure(value, json.properties![key]!, `${at}.${key}`);
  } else if (schema instanceof z.ZodEnum) {
    expect(json.enum, `${at} enum`).toEqual(schema.options);
  } else if (schema instanceof z.ZodArray) {
    expect(json.type, at).toBe("array");
    compareStructure(schema.element as z.ZodType, json.items!, `${at}[]`);
  } else if (schema instanceof z.ZodLiteral) {
    expect(json.const, `${at} const`).toBe(schema.value);
  }
}

describe("the shipped JSON Schema", () => {
  it("is what z.toJSONSchema makes of the current zod schema (rebuild after changing the schema)", () => {
    const generated = z.toJSONSchema(sessionStateSchema, { target: "draft-07", io: "input" });
    expect(SHIPPED.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(SHIPPED.required).toEqual(generated.required);
    expect(SHIPPED.properties).toEqual({ $schema: { type: "string", description: expect.any(String) }, ...generated.properties });
  });

  it("has the zod schema's properties, required fields and enums at every level", () => {
    compareStructure(sessionStateSchema, SHIPPED, "(root)");
    expect(SHIPPED.required).toEqual(["version", "timestamp", "agent", "git"]);
    expect(SHIPPED.properties.git.required).toEqual(["branch", "uncommitted_changes", "staged_files", "last_commit"]);
    expect(SHIPPED.properties.validation.properties.tests.enum).toEqual(["pass", "fail", "not_run", "pending"]);
  });

  it("accepts the spec's own example, as the zod schema does", () => {
    const example = JSON.parse(SPEC_EXAMPLE);
    expect(parseState(SPEC_EXAMPLE).state).toEqual(example);
    expect(validate(SHIPPED, example)).toEqual([]);
    expect(validate(SHIPPED, { $schema: "../node_modules/x.json", ...example, written_by_another_tool: { a: 1 } })).toEqual([]);
  });

  it("rejects what the zod schema rejects", () => {
    const example = JSON.parse(SPEC_EXAMPLE);
    const broken = [
      { ...example, version: "1.0" },
      { ...example, git: { ...example.git, branch: undefined } },
      { ...example, git: { ...example.git, staged_files: "app.ts" } },
      { ...example, task: { ...example.task, status: "done" } },
      { ...example, validation: { ...example.validation, tests: "passed" } },
      { ...example, agent: undefined },
    ].map((state) => JSON.parse(JSON.stringify(state)));
    for (const state of broken) {
      expect(acceptedByZod(state)).toBe(false);
      expect(validate(SHIPPED, state), JSON.stringify(state).slice(0, 80)).not.toEqual([]);
    }
  });

  it("accepts the file handoff itself writes", async () => {
    const repo = createRepo({ branch: "feat/7-schema" });
    repo.write({ "staged.ts": "x\n", "new.ts": "y\n" });
    repo.git("add", "staged.ts");
    const { file } = await saveSession({
      cwd: repo.root,
      agent: "claude",
      input: { task: "Ship the schema", priority: "high", nextSteps: ["Write docs"], reason: "rate limit" },
    });
    const written = JSON.parse(readFileSync(file, "utf8"));
    expect(written.git.staged_files).toEqual(["staged.ts"]);
    expect(validate(SHIPPED, written)).toEqual([]);
  });
});
