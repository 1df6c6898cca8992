import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const cliDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * `handoff mcp` answers `initialize` before anything else, and Node compiles every line of a file
 * it loads, run or not (bench/README.md, "handoff mcp start-up"). The code the server reaches only
 * through `await import()` after that, the handlers of its tools, resources and prompts,
 * is a file of its own (dist/<name>.cjs) instead of a quarter of a megabyte inside dist/mcp.cjs.
 */
const LATER_FILES: Record<string, string> = {
  "mcp-handlers": "src/mcp/handlers.ts",
};
export const MCP_LATER_ENTRIES = LATER_FILES;

function laterFiles(): Plugin {
  const nameOf = new Map(Object.entries(LATER_FILES).map(([name, source]) => [path.join(cliDir, source), name]));
  return {
    name: "mcp-later-files",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== "dynamic-import") return undefined;
        const name = nameOf.get(path.resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")));
        // Programs are dist/<program>.cjs, so the file is beside the one importing it.
        return name ? { path: `./${name}.cjs`, external: true } : undefined;
      });
    },
  };
}

/** The esbuild plugins behind the layout above, for tsup.config.ts. */
export function mcpBundlePlugins(): Plugin[] {
  return [laterFiles()];
}
