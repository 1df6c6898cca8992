/**
 * The built SDK bundle leaves ajv out (src/vendor/shims/ajv.ts): it loads dist/vendor/ajv.cjs
 * when the first validator is made, and that validator works as the SDK's own.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HANDOFF_BIN } from "@handoff/test-utils";

const requireFromDist = createRequire(HANDOFF_BIN);
const AJV_BUNDLE = path.join(path.dirname(HANDOFF_BIN), "vendor", "ajv.cjs");

describe("dist/vendor/mcp-sdk.cjs and ajv", () => {
  it("loads ajv only for the first validator, which validates formats as the SDK's does", () => {
    const sdk = requireFromDist("./vendor/mcp-sdk.cjs") as {
      AjvJsonSchemaValidator: new () => { getValidator(schema: object): (input: unknown) => { valid: boolean; errorMessage?: string } };
    };
    expect(Object.keys(requireFromDist.cache)).not.toContain(AJV_BUNDLE);
    const validate = new sdk.AjvJsonSchemaValidator().getValidator({
      type: "object",
      properties: { email: { type: "string", format: "email" } },
      required: ["email"],
    });
    expect(Object.keys(requireFromDist.cache)).toContain(AJV_BUNDLE);
    expect(validate({ email: "dev@example.com" }).valid).toBe(true);
    expect(validate({ email: "not an address" })).toMatchObject({ valid: false, errorMessage: 'data/email must match format "email"' });
    expect(validate({}).valid).toBe(false);
  });
});
