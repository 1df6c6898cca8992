import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { createRepo, testEnv, type TestRepo } from "./git-repo.js";

/** Runs git where a non-zero exit is expected (a conflict); returns the exit code. */
function gitMayFail(repo: TestRepo, ...args: string[]): number {
  return spawnSync("git", args, { cwd: repo.root, env: testEnv(), stdio: "ignore" }).status ?? -1;
}

/** main and `other` both changed f.txt since `base`. */
function divergedRepo(): TestRepo {
  const repo = createRepo();
  repo.commit("base", { "f.txt": "base\n" });
  repo.git("switch", "-q", "-c", "other");
  repo.commit("other side", { "f.txt": "other\n" });
  repo.git("switch", "-q", "main");
  repo.commit("main side", { "f.txt": "main\n" });
  return repo;
}

/** A repository on main where `git <args>` stopped on a conflict in f.txt. */
function stoppedOnConflict(...args: string[]): TestRepo {
  const repo = divergedRepo();
  expect(gitMayFail(repo, ...args)).not.toBe(0);
  return repo;
}

/** For each operation git can stop on a conflict: a repository on main stopped mid-way, f.txt conflicted. */
export const STOPPED_ON_A_CONFLICT = {
  merge: () => stoppedOnConflict("merge", "other"),
  rebase: () => stoppedOnConflict("rebase", "other"),
  am: () => {
    const repo = divergedRepo();
    const patch = path.join(repo.root, ".git", "other.patch");
    writeFileSync(patch, repo.git("format-patch", "-1", "--stdout", "other"));
    expect(gitMayFail(repo, "am", "-3", patch)).not.toBe(0);
    return repo;
  },
  "cherry-pick": () => stoppedOnConflict("cherry-pick", "other"),
  revert: () => {
    const repo = createRepo();
    repo.commit("a", { "f.txt": "a\n" });
    repo.commit("b", { "f.txt": "b\n" });
    expect(gitMayFail(repo, "revert", "--no-edit", "HEAD~1")).not.toBe(0);
    return repo;
  },
} satisfies Record<string, () => TestRepo>;

/** A fresh repository with exactly these bytes at `relativePath` (folders created); returns its absolute path too. */
export function repoWithFile(relativePath: string, content: string | Buffer): { repo: TestRepo; file: string } {
  const repo = createRepo();
  const file = path.join(repo.root, relativePath);
  repo.write({ [relativePath]: "" });
  writeFileSync(file, content);
  return { repo, file };
}

/**
 * A repository on branch `mine` with ours.ts staged, and the GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE
 * a hook running in `other` (branch `elsewhere`, theirs.ts staged) would pass down to handoff.
 */
export function repoUnderAnotherRepoHookEnv(): { repo: TestRepo; other: TestRepo; hookEnv: Record<string, string> } {
  const other = createRepo({ branch: "elsewhere" });
  other.write({ "theirs.ts": "x\n" });
  other.git("add", "theirs.ts");
  const repo = createRepo();
  repo.git("switch", "-q", "-c", "mine");
  repo.write({ "ours.ts": "y\n" });
  repo.git("add", "ours.ts");
  const hookEnv = {
    GIT_DIR: path.join(other.root, ".git"),
    GIT_WORK_TREE: other.root,
    GIT_INDEX_FILE: path.join(other.root, ".git", "index"),
  };
  return { repo, other, hookEnv };
}
