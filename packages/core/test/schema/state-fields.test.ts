import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTEXT_KEYS, GIT_KEYS, STATE_KEYS, TASK_KEYS } from "../../src/schema/key-order.js";
import { contextSchema, gitSchema, sessionStateSchema, taskSchema } from "../../src/schema/session-state.js";
import { keepUnknownKeys } from "../../src/state/known-keys.js";
import { stateFieldsSource } from "../../scripts/state-fields-source.mjs";
import { STATE_JSON_SCHEMA } from "./state-arbitrary.js";

const GENERATED = new URL("../../src/schema/state-fields.generated.ts", import.meta.url);

describe("the zod-free description of the state follows the zod schema", () => {
  it("state-fields.generated.ts is what the zod schema generates now", () => {
    // When this fails: `pnpm --filter @handoff/core build && pnpm --filter @handoff/core generate:state-fields`, then build again.
    expect(readFileSync(GENERATED, "utf8"), "src/schema/state-fields.generated.ts is stale: run generate:state-fields").toBe(
      stateFieldsSource(STATE_JSON_SCHEMA),
    );
  });

  it("refuses a keyword the quick parser does not check, rather than ignore it", () => {
    const withMinLength = { ...STATE_JSON_SCHEMA, properties: { ...STATE_JSON_SCHEMA.properties, agent: { type: "string", minLength: 1 } } };
    expect(() => stateFieldsSource(withMinLength)).toThrow(/agent: "minLength" is not checked by src\/parse\/quick-parse\.ts/);
    const strict = { ...STATE_JSON_SCHEMA, additionalProperties: false };
    expect(() => stateFieldsSource(strict)).toThrow(/loose/);
  });

  it("the key order is the zod schema's", () => {
    expect(STATE_KEYS).toEqual(Object.keys(sessionStateSchema.shape));
    expect(TASK_KEYS).toEqual(Object.keys(taskSchema.shape));
    expect(CONTEXT_KEYS).toEqual(Object.keys(contextSchema.shape));
    expect(GIT_KEYS).toEqual(Object.keys(gitSchema.shape));
  });

  it("a state handoff builds takes the key order, whatever order its parts were given in", () => {
    const known = { git: {}, agent: "claude", version: "2.0", timestamp: "t", task: undefined };
    const built = keepUnknownKeys(known, { zeta: 1, agent: "old", toString: "kept" }, STATE_KEYS);
    expect(Object.keys(built)).toEqual(["version", "timestamp", "agent", "git", "zeta", "toString"]);
  });
});
