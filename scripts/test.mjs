// The README's test command runs this: vitest with its usual output, then one plain closing
// line ("N passed, N failed, N skipped") that any CI log reader understands.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const folder = mkdtempSync(path.join(os.tmpdir(), "handoff-vitest-"));
const report = path.join(folder, "report.json");
const vitest = path.resolve("node_modules/vitest/vitest.mjs");
const run = spawnSync(
  process.execPath,
  [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
let summary = "no test report was written";
try {
  const result = JSON.parse(readFileSync(report, "utf8"));
  const skipped = result.numPendingTests + result.numTodoTests;
  summary = `${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`;
} catch {
  // vitest crashed before reporting; its exit code says so
}
rmSync(folder, { recursive: true, force: true });
console.log(`\ntests: ${summary}`);
process.exitCode = run.status ?? 1;
