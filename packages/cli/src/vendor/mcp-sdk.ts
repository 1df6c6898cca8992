// First: the SDK's schemas are built after it (see the file).
import "./shims/mcp-sdk/zod-jitless.js";
export { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
export { completable } from "@modelcontextprotocol/sdk/server/completable.js";
export { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
export { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
export { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
/**
 * The SDK's own zod, for the tool schemas (src/mcp/server.ts imports them from "zod/v4"): no
 * second copy. Only the builders the server uses: the whole namespace (`export * as z`) would keep
 * every part of zod in this file, its 40-odd locales alone two fifths of it, all compiled at each start.
 */
export { array, boolean, enum, number, string } from "zod/v4";
