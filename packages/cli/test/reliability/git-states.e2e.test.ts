import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, repoUnderAnotherRepoHookEnv, runHandoff, STOPPED_ON_A_CONFLICT, testEnv } from "@handoff/test-utils";
import { CLAUDE_FILE, stateOf } from "./helpers.js";

afterAll(cleanupTempDirs);

describe("an operation stopped on a conflict", () => {
  it.each(Object.entries(STOPPED_ON_A_CONFLICT))("%s: save records it, restore shows it", (operation, setUp) => {
    const repo = setUp();
    const saved = runHandoff(repo.root, ["save", "claude", "--json"]);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout).git).toMatchObject({ operation, conflicted_files: ["f.txt"] });
    const restored = runHandoff(repo.root, ["restore", "claude"]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`⚠️  ${operation} in progress, 1 conflicted file(s)`);
    expect(restored.stdout).toMatch(/Conflicted files:\n {2}- f\.txt/);
  });
});

describe("unusual repositories", () => {
  it("a repository with no commits", () => {
    const repo = createRepo({ initialCommit: false });
    expect(runHandoff(repo.root, ["save", "claude", "--task", "first"]).code).toBe(0);
    const restored = runHandoff(repo.root, ["restore", "claude"]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("📝 Last commit: (no commits yet)");
    expect(runHandoff(repo.root, ["status"]).code).toBe(0);
  });

  it("a detached HEAD", () => {
    const repo = createRepo();
    repo.commit("second");
    repo.git("checkout", "-q", "--detach", "HEAD~1");
    expect(runHandoff(repo.root, ["save", "claude"]).code).toBe(0);
    expect(stateOf(repo.root).git).toMatchObject({ branch: "", detached: true });
    expect(runHandoff(repo.root, ["restore", "claude"]).stdout).toMatch(/🌿 Git branch: \(detached HEAD at [0-9a-f]+\)/);
    expect(runHandoff(repo.root, ["status"]).stdout).toContain("(detached)");
  });

  it("a linked worktree", () => {
    const repo = createRepo();
    const worktree = path.join(makeTempDir(), "wt");
    repo.git("worktree", "add", "-q", "-b", "side", worktree);
    expect(runHandoff(worktree, ["save", "claude", "--task", "side"]).code).toBe(0);
    expect(stateOf(worktree).git.branch).toBe("side");
    expect(existsSync(path.join(repo.root, CLAUDE_FILE))).toBe(false);
    expect(runHandoff(repo.root, ["save", "claude", "--task", "main"]).code).toBe(0);
    expect(runHandoff(worktree, ["status"]).stdout).toMatch(/side\s+\S+ ago\s+fresh\s+side/);
  });

  it("a submodule: saves in the superproject and inside the submodule stay apart", () => {
    const library = createRepo();
    const repo = createRepo();
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.root, "vendor/lib");
    repo.git("commit", "-q", "-m", "add submodule");
    const inside = path.join(repo.root, "vendor/lib");
    expect(runHandoff(repo.root, ["save", "claude", "--task", "outer"]).code).toBe(0);
    expect(runHandoff(inside, ["save", "claude", "--task", "inner"]).code).toBe(0);
    expect(stateOf(repo.root).task.description).toBe("outer");
    expect(stateOf(inside).task.description).toBe("inner");
    expect(JSON.parse(runHandoff(inside, ["restore", "claude", "--json"]).stdout).task.description).toBe("inner");
  });

  it("a bare repository: clear error, exit 1", () => {
    const bare = makeTempDir();
    spawnSync("git", ["init", "-q", "--bare", bare], { env: testEnv() });
    for (const args of [["save", "claude"], ["restore", "claude"], ["status"]]) {
      const result = runHandoff(bare, args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("is a bare repository or a git directory: it has no work tree");
      expect(result.stderr).toContain("run handoff inside a checkout");
    }
  });

  it("a folder outside any repository: clear error, exit 1, nothing written", () => {
    const outside = makeTempDir();
    for (const args of [["save", "claude"], ["restore", "claude"], ["status"], ["switch", "claude", "opencode"]]) {
      const result = runHandoff(outside, args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`❌ ${outside} is not inside a git repository`);
    }
    expect(existsSync(path.join(outside, ".claude"))).toBe(false);
    expect(runHandoff(outside, ["save", "claude", "-C", path.join(outside, "missing")]).code).toBe(1);
  });
});

describe("switch --commit refused by a pre-commit hook", () => {
  it("exits 1 with git's reason and leaves staged, unstaged and untracked files as they were", () => {
    const repo = createRepo();
    repo.commit("files", { "staged.ts": "1\n", "unstaged.ts": "1\n" });
    repo.write({ "staged.ts": "2\n", "unstaged.ts": "2\n", "untracked.ts": "new\n" });
    repo.git("add", "staged.ts");
    expect(runHandoff(repo.root, ["save", "claude", "--task", "T"]).code).toBe(0);
    const hook = path.join(repo.root, ".git/hooks/pre-commit");
    writeFileSync(hook, "#!/bin/sh\necho 'lint failed' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--commit"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("❌ git commit failed; nothing was lost");
    expect(result.stderr).toContain("lint failed");
    expect(repo.git("diff", "--cached", "--name-only")).toBe("staged.ts\n");
    expect(repo.git("diff", "--name-only")).toBe("unstaged.ts\n");
    expect(repo.git("status", "--porcelain", "--untracked-files=all")).toContain("?? untracked.ts");
  });
});

describe("a hook's environment pointing git at another repository", () => {
  it("does not confuse save and restore run with -C or in the right folder", () => {
    const { repo, other, hookEnv } = repoUnderAnotherRepoHookEnv();
    const viaCwd = runHandoff(repo.root, ["save", "claude", "--json"], { env: hookEnv });
    expect(viaCwd.code).toBe(0);
    expect(JSON.parse(viaCwd.stdout).git).toMatchObject({ branch: "mine", staged_files: ["ours.ts"] });
    const viaFlag = runHandoff(other.root, ["save", "opencode", "--json", "-C", repo.root], { env: hookEnv });
    expect(viaFlag.code).toBe(0);
    expect(JSON.parse(viaFlag.stdout).git).toMatchObject({ branch: "mine", staged_files: ["ours.ts"] });
    expect(existsSync(path.join(repo.root, ".opencode/.session-state.json"))).toBe(true);
    const restored = runHandoff(repo.root, ["restore", "claude"], { env: hookEnv });
    expect(restored.code).toBe(0);
    expect(restored.stderr).not.toContain("refreshed");
    expect(existsSync(path.join(other.root, ".claude"))).toBe(false);
  });
});
