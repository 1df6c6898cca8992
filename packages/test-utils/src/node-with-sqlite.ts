import { spawnSync } from "node:child_process";

const HAS_SQLITE = "process.getBuiltinModule?.('node:sqlite') || process.exit(1)";

/**
 * A Node.js with node:sqlite (22.13 or newer), for the tests of what only such a Node can read:
 * the one running the tests if it has it, else Node 22 from the npm registry through npx (cached
 * after the first run; `.ci/run` fetches it before the tests). Undefined when neither is at hand.
 */
export function nodeWithSqlite(): string | undefined {
  if (spawnSync(process.execPath, ["-e", HAS_SQLITE]).status === 0) return process.execPath;
  const fetched = spawnSync("npx", ["-y", "-p", "node@22", "node", "-p", "process.execPath"], { encoding: "utf8", timeout: 180_000 });
  const node = fetched.status === 0 ? fetched.stdout.trim() : "";
  return node && spawnSync(node, ["-e", HAS_SQLITE]).status === 0 ? node : undefined;
}
