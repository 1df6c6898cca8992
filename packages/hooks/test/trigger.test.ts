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
    expect(refreshDecision("post-commit", []).refresh).toBe(true);
    expect(refreshDecision("post-merge", ["0"]).refresh).toBe(true);
    expect(refreshDecision("post-checkout", ["a", "b", "1"]).refresh).toBe(true);
    expect(refreshDecision("post-rewrite", ["amend"]).refresh).toBe(true);
  });

  it("does nothing for a file checkout (flag 0)", () => {
    const decision = refreshDecision("post-checkout", ["a", "a", "0"]);
    expect(decision).toEqual({ refresh: false, reason: "a file checkout, not a branch switch" });
  });

  it("knows a rebase or a `git am` in progress (a refresh waits for it), and never skips the queue for one", () => {
    const repo = repoStoppedInRebase();
    expect(rebaseInProgress(gitDir(repo))).toBe(true);
    // The shell settles a rebase's picks; a refresh that runs anyway stands for the queued events.
    expect(refreshDecision("post-commit", []).refresh).toBe(true);
    expect(refreshDecision("post-rewrite", ["rebase"])).toEqual({ refresh: true, reason: "a rebase finished" });
    repo.git("rebase", "--abort");
    expect(rebaseInProgress(gitDir(repo))).toBe(false);

    const am = STOPPED_ON_A_CONFLICT.am();
    expect(rebaseInProgress(gitDir(am))).toBe(true);
    am.git("am", "--abort");
    expect(rebaseInProgress(gitDir(am))).toBe(false);
  });
});
