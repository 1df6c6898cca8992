export { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
export { completable } from "@modelcontextprotocol/sdk/server/completable.js";
export { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
export { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
export { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
/** The SDK's own zod, for the tool schemas: `import { z } from "zod/v4"` loads no second copy. */
export * as z from "zod/v4";
