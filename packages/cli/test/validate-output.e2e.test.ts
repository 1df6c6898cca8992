import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, runHandoff, testEnv, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

/** A repository whose one check (the tests) takes a moment, and no other check. */
function repoWithSlowTests(): TestRepo {
  const repo = createRepo();
  repo.commit("app", {
    "handoff.config.json": JSON.stringify({ checks: { typescript: false, eslint: false, tests: `node -e "setTimeout(() => {}, 300)"` } }),
  });
  return repo;
}

describe("handoff validate output", () => {
  it("keeps the line breaks of another agent's invalid state instead of printing \\x0a", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude"]).code).toBe(0);
    // Two schema problems: the error names each on a line of its own.
    writeFileSync(path.join(repo.root, ".claude/.session-state.json"), JSON.stringify({ version: "2.0", agent: 7, timestamp: 1, git: {} }));
    const result = runHandoff(repo.root, ["validate", "--no-checks"]);
    expect(result.stderr).toContain(".claude/.session-state.json was left as it was");
    expect(result.stderr).not.toContain("\\x0a");
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("   "));
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });

  it("says on stderr which check runs, as a line that stays when stderr is not a terminal", () => {
    const repo = repoWithSlowTests();
    const result = runHandoff(repo.root, ["validate"]);
    expect(result.stderr).toMatch(/⏳ Running Tests: node -e "setTimeout/);
    expect(result.stderr).not.toContain("\u001b[K");
    expect(result.stdout).toMatch(/✅ Tests: pass/);
    // With --json too (on stderr: stdout stays JSON).
    const json = runHandoff(repo.root, ["validate", "--json"]);
    expect(json.stderr).toMatch(/⏳ Running Tests/);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it("rewrites and then erases the line in place on a terminal", () => {
    const repo = repoWithSlowTests();
    // `script` runs the bin on a pseudo-terminal: stderr is a TTY there.
    const run = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(HANDOFF_BIN)} validate`, "/dev/null"], {
      cwd: repo.root,
      env: testEnv(),
      encoding: "utf8",
    });
    if (run.error) return; // no `script` here: nothing to run the terminal case with
    expect(run.stdout).toMatch(/\r\u001b\[K⏳ Running Tests: node -e/);
    // Erased before the result is printed.
    expect(run.stdout).toMatch(/⏳ Running Tests[^\n]*\r\u001b\[K✅ Tests: pass/);
  });
});
