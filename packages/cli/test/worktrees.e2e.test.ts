import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, eventually, makeTempDir, runHandoff, testEnv } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const CLAUDE = ".claude/.session-state.json";

function stateIn(root: string): { task?: { description: string }; git: { branch: string; last_commit: string } } {
  return JSON.parse(readFileSync(path.join(root, CLAUDE), "utf8"));
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", args, { cwd, env: testEnv(), encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe("linked worktrees", () => {
  it("keep their own states, and the hooks refresh the worktree they run in", async () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["hooks", "install"]).code).toBe(0);
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Main checkout task"]).code).toBe(0);
    repo.git("add", ".gitignore");
    repo.git("commit", "-q", "-m", "ignore the states");
    const linked = path.join(makeTempDir("handoff-worktree-"), "feature");
    repo.git("worktree", "add", "-q", "-b", "feature", linked);
    expect(runHandoff(linked, ["save", "claude", "--task", "Worktree task"]).code).toBe(0);

    git(linked, "commit", "-q", "--allow-empty", "-m", "work in the worktree");
    const linkedHead = git(linked, "rev-parse", "--short", "HEAD").trim();
    await eventually(() => expect(stateIn(linked).git).toMatchObject({ branch: "feature", last_commit: linkedHead }));
    expect(stateIn(linked).task?.description).toBe("Worktree task");

    // The main checkout's state still describes main: the worktree's hook did not touch it.
    const main = stateIn(repo.root);
    expect(main.task?.description).toBe("Main checkout task");
    expect(main.git.branch).toBe("main");

    // And a commit in the main checkout refreshes the main checkout only.
    repo.git("commit", "-q", "--allow-empty", "-m", "work in main");
    const mainHead = repo.git("rev-parse", "--short", "HEAD").trim();
    await eventually(() => expect(stateIn(repo.root).git).toMatchObject({ branch: "main", last_commit: mainHead }));
    expect(stateIn(linked).git).toMatchObject({ branch: "feature", last_commit: linkedHead });

    // doctor in the worktree sees the shared hooks, and its own state.
    const doctor = runHandoff(linked, ["doctor"]);
    expect(doctor.stdout).toContain("✅ post-commit, post-checkout, post-merge, post-rewrite, pre-push run handoff");
    expect(doctor.stdout).toMatch(/✅ claude: \.claude\/\.session-state\.json, saved .+, fresh/);
  });

  it("push from a worktree shares that worktree's branch and states", () => {
    const repo = createRepo();
    const remote = makeTempDir("handoff-remote-");
    git(remote, "init", "-q", "--bare");
    repo.git("remote", "add", "origin", remote);
    const linked = path.join(makeTempDir("handoff-worktree-"), "feature");
    repo.git("worktree", "add", "-q", "-b", "feature", linked);
    expect(runHandoff(linked, ["save", "claude", "--task", "Worktree task"]).code).toBe(0);
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Main checkout task"]).code).toBe(0);
    expect(runHandoff(linked, ["push"]).code).toBe(0);
    expect(JSON.parse(git(remote, "show", "refs/handoff/feature:claude.json")).task.description).toBe("Worktree task");
    expect(git(remote, "for-each-ref", "refs/handoff")).not.toContain("refs/handoff/main");
  });
});
