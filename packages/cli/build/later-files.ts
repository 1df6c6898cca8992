import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const cliDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Node compiles every line of a file it loads, run or not (bench/README.md). Code a command
 * reaches only through `await import()`, on a path most runs never take, is a file of its own,
 * dist/<name>.cjs, instead of part of the command's build:
 * - the MCP server's handlers, after `initialize` (bench/README.md, "handoff mcp start-up");
 * - restore's prompt (--prompt: the prompt, its budget and the redaction rules), which a plain
 *   restore never runs;
 * - save's redaction of typed text and its reading of the agent's session (--from-session).
 * Each such file carries its own copy of the modules it shares with the command, so the error
 * classes are checked by brand, not by identity (core/src/errors.ts, cli/src/errors.ts).
 */
export const LATER_FILES: Record<string, string> = {
  "mcp-handlers": "src/mcp/handlers.ts",
  "session-prompt": "src/commands/session-prompt.ts",
  "redact-input": "src/commands/redact-input.ts",
  "session-input": "src/commands/session-input.ts",
};

/** Points each `await import()` of a LATER_FILES source at its own file, beside the program. */
export function laterFiles(): Plugin {
  const nameOf = new Map(Object.entries(LATER_FILES).map(([name, source]) => [path.join(cliDir, source), name]));
  return {
    name: "later-files",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== "dynamic-import") return undefined;
        const name = nameOf.get(path.resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")));
        return name ? { path: `./${name}.cjs`, external: true } : undefined;
      });
    },
  };
}
