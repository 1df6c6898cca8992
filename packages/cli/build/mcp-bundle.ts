import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const cliDir = fileURLToPath(new URL("..", import.meta.url));

const SDK_SHIMS: Record<string, string> = {
  "zod/v3": "src/vendor/shims/mcp-sdk/zod-v3.ts",
  "zod-to-json-schema": "src/vendor/shims/mcp-sdk/zod-to-json-schema.ts",
};

/** The SDK's imports of zod 3, which handoff's schemas never need, reach the stand-ins of SDK_SHIMS. */
function sdkWithoutZodThree(): Plugin {
  return {
    name: "mcp-sdk-without-zod-3",
    setup(build) {
      build.onResolve({ filter: /^(zod\/v3|zod-to-json-schema)$/ }, (args) =>
        /[\\/]@modelcontextprotocol[\\/]sdk[\\/]/.test(args.importer) ? { path: path.join(cliDir, SDK_SHIMS[args.path]!) } : undefined,
      );
    },
  };
}

/**
 * The SDK's types.js builds every schema of the protocol when it loads, 784 zod schemas, client
 * side and all, which was most of the time `handoff mcp` took to answer `initialize`. Its calls
 * of zod and of its schemas' methods build values and nothing else, so they are marked pure, and
 * esbuild leaves out the schemas the server never reaches (two fifths of them). A schema in use is
 * never left out: only an unused value is.
 */
const SDK_TYPES = /[\\/]@modelcontextprotocol[\\/]sdk[\\/]dist[\\/]esm[\\/]types\.js$/;
const SCHEMA_CALL = /(?<![\w.$])(z|[A-Z]\w*Schema)(\s*\.\s*\w+\s*\()/g;

function sdkSchemasOnDemand(): Plugin {
  return {
    name: "mcp-sdk-schemas-on-demand",
    setup(build) {
      build.onLoad({ filter: SDK_TYPES }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const contents = source.replace(SCHEMA_CALL, "/* @__PURE__ */ $1$2");
        if (contents === source) throw new Error(`${args.path}: no zod call found to mark pure; has the MCP SDK changed its layout? (build/mcp-bundle.ts)`);
        return { contents, loader: "js" };
      });
    },
  };
}

/** The esbuild plugins behind the layout above, for tsup.config.ts. */
export function mcpBundlePlugins(): Plugin[] {
  return [sdkWithoutZodThree(), sdkSchemasOnDemand()];
}
