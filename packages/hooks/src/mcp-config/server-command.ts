import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** How an agent starts handoff's MCP server. */
export interface McpServerCommand {
  command: string;
  args: string[];
}

/** The published package whose bin is `handoff`. */
const CLI_PACKAGE = "@handoff/cli";

function listsTheCli(root: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, unknown>;
    return ["dependencies", "devDependencies", "optionalDependencies"].some((field) => {
      const deps = manifest[field];
      return typeof deps === "object" && deps !== null && CLI_PACKAGE in deps;
    });
  } catch {
    return false;
  }
}

/**
 * The command written into the agents' files, the same in every clone of the repository:
 * - a project that depends on @handoff/cli runs its own copy: `npx --no -- handoff mcp`, where
 *   `--no` makes npx fail rather than fetch a package named `handoff` from the registry (a
 *   stranger's code), and `--` keeps `mcp` away from npx's own options;
 * - otherwise the `handoff` on PATH (a global install), as `handoff init` itself was run.
 * No absolute path: it would name one machine's folders and break every other clone.
 */
export function mcpServerCommand(root: string): McpServerCommand {
  if (listsTheCli(root) || existsSync(path.join(root, "node_modules", ".bin", "handoff"))) {
    return { command: "npx", args: ["--no", "--", "handoff", "mcp"] };
  }
  return { command: "handoff", args: ["mcp"] };
}
