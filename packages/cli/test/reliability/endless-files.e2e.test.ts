import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, testEnv, type BinResult } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

/**
 * The bin, killed should it still run after `limit` ms: before the fix these runs never ended
 * (a read of /dev/zero grows without bound). The limit only stops a hung test; it measures nothing.
 */
function runGuarded(cwd: string, args: string[], limit = 60_000): BinResult & { killed: boolean } {
  const result = spawnSync(process.execPath, [HANDOFF_BIN, ...args], {
    cwd,
    env: testEnv({ NODE_OPTIONS: "--max-old-space-size=256" }),
    encoding: "utf8",
    timeout: limit,
    killSignal: "SIGKILL",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, killed: result.signal === "SIGKILL" };
}

/** A repository whose branch tracks `file` as a symlink to /dev/zero. */
function repoWithEndless(file: string) {
  const repo = createRepo();
  mkdirSync(path.dirname(path.join(repo.root, file)), { recursive: true });
  symlinkSync("/dev/zero", path.join(repo.root, file));
  repo.git("add", "--", file);
  repo.git("commit", "-q", "-m", "endless");
  return repo;
}

describe("a repository file that never ends", () => {
  it("handoff.config.json -> /dev/zero: every command ends with an error naming the file", () => {
    const repo = repoWithEndless("handoff.config.json");
    for (const args of [["save", "claude", "--task", "t"], ["status"], ["validate"]]) {
      const result = runGuarded(repo.root, args);
      expect(result.killed, `handoff ${args.join(" ")} did not end`).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${path.join(repo.root, "handoff.config.json")} is a device, not a regular file`);
    }
  });

  it(".gitignore, package.json and .opencode/config.json -> /dev/zero: save and validate end", () => {
    for (const file of [".gitignore", "package.json", ".opencode/config.json"]) {
      const repo = repoWithEndless(file);
      const save = runGuarded(repo.root, ["save", "opencode", "--task", "t"]);
      expect(save.killed, `save with ${file} did not end`).toBe(false);
      const validate = runGuarded(repo.root, ["validate"]);
      expect(validate.killed, `validate with ${file} did not end`).toBe(false);
      if (file === "package.json") expect(validate.stdout + validate.stderr).toContain("package.json");
    }
  });
});

describe("a rule that never ends", () => {
  it('handoff validate ends: "^(a+)+$" runs in linear time; a lookahead rule that runs out of time is "not checked"', () => {
    const repo = createRepo();
    const rules = [
      { id: "nested", severity: "STRICT", files: "**/*.txt", forbid: "^(a+)+$", message: "nested" },
      { id: "nested-lookahead", severity: "STRICT", files: "**/*.txt", forbid: "^(?=a)(a+)+$", message: "lookahead" },
    ];
    repo.commit("hostile", { "handoff.config.json": JSON.stringify({ rules }), "a.txt": `${"a".repeat(40)}b\n` });
    const result = runGuarded(repo.root, ["validate", "--no-checks"]);
    expect(result.killed, "handoff validate did not end").toBe(false);
    expect(result.stdout).toContain("⚠️  STRICT rule nested-lookahead was not checked: its pattern took over 3s (at a.txt)");
    expect(result.stdout).not.toContain("rule nested was not checked");
    expect(result.code).toBe(0);
  });
});

describe("save and .gitignore", () => {
  it("a .gitignore that cannot be updated: save exits 0 (the state is written) and says which line to add", () => {
    const repo = createRepo();
    mkdirSync(path.join(repo.root, ".gitignore"));
    const result = runGuarded(repo.root, ["save", "claude", "--task", "kept"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("⚠️  The state was saved, but .gitignore could not be updated:");
    expect(result.stderr).toContain("Add this line to .gitignore yourself, so that git never commits the state: .claude/.session-state.json*");
    expect(readFileSync(path.join(repo.root, ".claude/.session-state.json"), "utf8")).toContain('"kept"');
  });
});
