/**
 * The MCP SDK accepts tool schemas written in zod 3 as well as zod 4, and imports zod 3 (with
 * zod-to-json-schema) for them when it loads. handoff's schemas are all zod 4 (src/mcp/server.ts),
 * so in dist/vendor/mcp-sdk.cjs the SDK's zod 3 imports reach these stand-ins instead: 77 KB that
 * Node would otherwise compile at every start of `handoff mcp` (build/mcp-bundle.ts).
 */
function zodThreeSchema(): never {
  throw new Error("handoff's MCP server is built without zod 3: write the schema with zod 4 (import from \"zod/v4\")");
}

/** The one zod 3 call the SDK makes, when every field of a shape is a zod 3 schema. */
export const object = zodThreeSchema;
