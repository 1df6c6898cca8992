import { config } from "zod/v4/core";

/**
 * zod compiles a parser of its own (`new Function`) for each object schema the first time it
 * parses with it, which pays off over many parses. The MCP server parses each of its few messages
 * with a different schema, the first of them while the client waits for the answer to
 * `initialize`, so its zod interprets instead (zod's documented `jitless` setting). zod reads the
 * setting when a schema is built: this runs before the SDK builds its own.
 */
config({ jitless: true });
