import { spawnSync } from "node:child_process";
import { registryReachable } from "./registry.js";
import { cachedForRun } from "./run-cache.js";

const HAS_SQLITE = "process.getBuiltinModule?.('node:sqlite') || process.exit(1)";

const hasSqlite = (node: string) => spawnSync(node, ["-e", HAS_SQLITE]).status === 0;

/** Node 22 through npx: from npx's cache alone first (no network, well under a second), else from the registry. */
function fetchNode22(offline: boolean): string | undefined {
  const args = [...(offline ? ["--offline"] : []), "-y", "-p", "node@22", "node", "-p", "process.execPath"];
  const fetched = spawnSync("npx", args, { encoding: "utf8", timeout: offline ? 20_000 : 180_000 });
  const node = fetched.status === 0 ? fetched.stdout.trim() : "";
  return node && hasSqlite(node) ? node : undefined;
}

/**
 * A Node.js with node:sqlite (22.13 or newer), for the tests of what only such a Node can read:
 * the one running the tests if it has it, else Node 22 from the npm registry through npx (cached
 * after the first run; `.ci/run` fetches it before the tests). Undefined when neither is at hand:
 * found out within seconds when the registry cannot be reached, and asked once per test run.
 */
export function nodeWithSqlite(): string | undefined {
  if (hasSqlite(process.execPath)) return process.execPath;
  const node = cachedForRun("node-with-sqlite", () => fetchNode22(true) ?? (registryReachable() ? fetchNode22(false) : undefined) ?? null);
  // A cached path whose Node was since removed (a cleared npx cache) is asked again next run.
  return node && hasSqlite(node) ? node : undefined;
}
