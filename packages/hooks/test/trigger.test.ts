import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, STOPPED_ON_A_CONFLICT, type TestRepo } from "@handoff/test-utils";
import { rebaseInProgress, refreshDecision } from "../src/trigger.js";

afterAll(cleanupTempDirs);

/** A real rebase stopped on a conflict: git leaves `.git/rebase-merge/` until it ends. */
function repoStoppedInRebase(): TestRepo {
  const repo = createRepo();
  repo.git("switch", "-q", "-c", "feature");
  repo.commit("feature edit", { "README.md": "feature\n" });
  repo.git("switch", "-q", "main");
  repo.commit("main edit", { "README.md": "main\n" });
  repo.git("switch", "-q", "feature");
  expect(() => repo.git("rebase", "main")).toThrow();
  return repo;
}

describe("when a hook refreshes", () => {
  const gitDir = (repo: TestRepo) => path.join(repo.root, ".git");

  it("refreshes after a commit, a merge and a branch checkout", () => {
    const repo = createRepo();
    expect(refreshDecision("post-commit", [], gitDir(repo)).refresh).toBe(true);
    expect(refreshDecision("post-merge", ["0"], gitDir(repo)).refresh).toBe(true);
    expect(refreshDecision("post-checkout", ["a", "b", "1"], gitDir(repo)).refresh).toBe(true);
    expect(refreshDecision("post-rewrite", ["amend"], gitDir(repo)).refresh).toBe(true);
  });

  it("does nothing for a file checkout (flag 0)", () => {
    const repo = createRepo();
    const decision = refreshDecision("post-checkout", ["a", "a", "0"], gitDir(repo));
    expect(decision).toEqual({ refresh: false, reason: "a file checkout, not a branch switch" });
  });

  it("skips the per-commit runs of a rebase, and refreshes on post-rewrite rebase", () => {
    const repo = repoStoppedInRebase();
    expect(rebaseInProgress(gitDir(repo))).toBe(true);
    expect(refreshDecision("post-commit", [], gitDir(repo)).refresh).toBe(false);
    expect(refreshDecision("post-checkout", ["a", "b", "1"], gitDir(repo)).refresh).toBe(false);
    expect(refreshDecision("post-rewrite", ["amend"], gitDir(repo)).refresh).toBe(false);
    expect(refreshDecision("post-rewrite", ["rebase"], gitDir(repo)).refresh).toBe(true);
    repo.git("rebase", "--abort");
    expect(rebaseInProgress(gitDir(repo))).toBe(false);
  });

  it("skips the per-commit runs of a `git am` too, and not once it is over", () => {
    const repo = STOPPED_ON_A_CONFLICT.am();
    expect(rebaseInProgress(gitDir(repo))).toBe(true);
    expect(refreshDecision("post-commit", [], gitDir(repo)).refresh).toBe(false);
    repo.git("am", "--abort");
    expect(rebaseInProgress(gitDir(repo))).toBe(false);
  });
});
