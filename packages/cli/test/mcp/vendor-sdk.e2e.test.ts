/**
 * What build/mcp-bundle.ts changes in the built SDK bundle, as the server sees it: zod 3 is left
 * out (a zod 3 shape is refused by name, not by a crash deep in the SDK), and the SDK's zod
 * interprets rather than compiling parsers, while still rejecting what it must.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { HANDOFF_BIN } from "@handoff/test-utils";

interface Sdk {
  McpServer: new (info: object, options: object) => { registerTool(name: string, config: object, run: () => unknown): unknown };
  string(): { safeParse(input: unknown): { success: boolean } };
}

const requireFromDist = createRequire(HANDOFF_BIN);
const sdk = requireFromDist("./vendor/mcp-sdk.cjs") as Sdk;

describe("dist/vendor/mcp-sdk.cjs", () => {
  it("refuses a tool schema written in zod 3 with a message that says so", () => {
    const server = new sdk.McpServer({ name: "test", version: "0" }, {});
    // A zod 3 schema, to the SDK, is one without zod 4's `_zod` internals.
    const zodThreeShape = { agent: { parse: () => "claude", safeParse: () => ({ success: true }) } };
    expect(() => server.registerTool("zod_three", { inputSchema: zodThreeShape }, () => ({ content: [] }))).toThrow(
      /built without zod 3: write the schema with zod 4/,
    );
  });

  it("runs zod without compiling parsers, and zod still validates", () => {
    expect((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless).toBe(true);
    expect(sdk.string().safeParse("claude").success).toBe(true);
    expect(sdk.string().safeParse(7).success).toBe(false);
  });
});
