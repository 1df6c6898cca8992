import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, runHandoff, STOPPED_ON_A_CONFLICT, testEnv } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

/** The markers git keeps while each operation is stopped: they must all survive a refused switch. */
const MARKER = { merge: "MERGE_HEAD", rebase: "rebase-merge", am: "rebase-apply", "cherry-pick": "CHERRY_PICK_HEAD", revert: "REVERT_HEAD" } as const;

describe("switch --commit / --stash while git is stopped on a conflict", () => {
  for (const option of ["--commit", "--stash"]) {
    it.each(Object.entries(STOPPED_ON_A_CONFLICT))(`${option} is refused during a %s, which stays as it was`, (operation, setUp) => {
      const repo = setUp();
      const head = repo.git("rev-parse", "HEAD");
      const marker = path.join(repo.root, ".git", MARKER[operation as keyof typeof MARKER]);
      expect(existsSync(marker)).toBe(true);
      const result = runHandoff(repo.root, ["switch", "claude", "opencode", option, "--task", "t"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`A git ${operation} is in progress`);
      expect(result.stderr).toMatch(/--abort/);
      expect(existsSync(marker)).toBe(true);
      expect(repo.git("rev-parse", "HEAD")).toBe(head);
      expect(repo.git("ls-files", "-u")).toContain("f.txt");
      expect(repo.git("stash", "list")).toBe("");
      // Nothing was written either: the refusal comes before step 1.
      expect(existsSync(path.join(repo.root, ".opencode/.session-state.json"))).toBe(false);
    });
  }
});

/** Unmerged files with no operation in progress: what a conflicting `git stash pop` leaves. */
function conflictedStashPop() {
  const repo = createRepo();
  repo.commit("base", { "f.txt": "base\n" });
  repo.write({ "f.txt": "stashed\n" });
  repo.git("stash", "push", "-q");
  repo.commit("moved on", { "f.txt": "committed\n" });
  const pop = spawnSync("git", ["stash", "pop"], { cwd: repo.root, env: testEnv(), stdio: "ignore" });
  expect(pop.status).not.toBe(0);
  expect(repo.git("ls-files", "-u")).toContain("f.txt");
  return repo;
}

describe("switch with unmerged files and no operation in progress", () => {
  it("--commit refuses to commit conflict markers", () => {
    const repo = conflictedStashPop();
    const head = repo.git("rev-parse", "HEAD");
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--commit"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("unmerged (conflicted) files");
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    expect(readFileSync(path.join(repo.root, "f.txt"), "utf8")).toContain("<<<<<<<");
  });

  it("--stash fails instead of reporting nothing to stash", () => {
    const repo = conflictedStashPop();
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--stash"]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("Nothing to stash");
    expect(repo.git("stash", "list")).toContain("stash@{0}");
  });

  it("--stash fails, and says so, when git stash itself fails", () => {
    const repo = createRepo();
    repo.write({ "work.ts": "changed\n" });
    // Another git process holding the index: git stash exits non-zero.
    writeFileSync(path.join(repo.root, ".git", "index.lock"), "");
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--stash"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("git stash failed");
    expect(result.stderr).toContain("git stash exited with code 1");
    expect(result.stdout).not.toContain("Nothing to stash");
    expect(readFileSync(path.join(repo.root, "work.ts"), "utf8")).toBe("changed\n");
  });
});
