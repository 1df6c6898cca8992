import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, repoUnderAnotherRepoHookEnv, STOPPED_ON_A_CONFLICT, testEnv, type TestRepo } from "@handoff/test-utils";
import type { GitOperation } from "../../src/schema/session-state.js";
import { renderRestoreView } from "../../src/views/restore-view.js";
import { loadSession } from "../../src/workflows/load-session.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { CLAUDE_FILE, handoffError } from "./helpers.js";

afterAll(cleanupTempDirs);

/** Typed by operation: an operation added to GitOperation without a scenario fails to compile. */
const STOPPED: Record<Exclude<GitOperation, "bisect">, () => TestRepo> = STOPPED_ON_A_CONFLICT;

describe("operations stopped on a conflict", () => {
  for (const [operation, setUp] of Object.entries(STOPPED)) {
    it(`records a ${operation} in progress with its conflicted files`, async () => {
      const repo = setUp();
      const { state } = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "resolve" } });
      expect(state.git.operation).toBe(operation);
      expect(state.git.conflicted_files).toEqual(["f.txt"]);
      expect(state.git.uncommitted_changes).toBe(true);
      expect(state.git.branch).toBe("main");
      expect(renderRestoreView(state)).toContain(`${operation} in progress, 1 conflicted file(s)`);
    });
  }
});

describe("unusual repositories", () => {
  it("a repository with no commits", async () => {
    const repo = createRepo({ initialCommit: false, branch: "trunk" });
    repo.write({ "new.ts": "x\n" });
    const { state } = await saveSession({ cwd: repo.root, agent: "claude" });
    expect(state.git).toMatchObject({ branch: "trunk", last_commit: "", uncommitted_changes: true });
    expect(state.context?.files_created).toContain("new.ts");
    expect(renderRestoreView(state)).toContain("Last commit: (no commits yet)");
    expect((await loadSession({ cwd: repo.root, agent: "claude" })).freshness).toBe("fresh");
  });

  it("a detached HEAD", async () => {
    const repo = createRepo();
    const first = repo.head();
    repo.commit("second");
    repo.git("checkout", "-q", "--detach", first);
    const { state } = await saveSession({ cwd: repo.root, agent: "claude" });
    expect(state.git).toMatchObject({ branch: "", detached: true, last_commit: first.slice(0, state.git.last_commit.length) });
    expect(renderRestoreView(state)).toContain(`(detached HEAD at ${state.git.last_commit})`);
  });

  it("a linked worktree keeps its own state, on its own branch", async () => {
    const repo = createRepo();
    const worktree = path.join(makeTempDir(), "wt");
    repo.git("worktree", "add", "-q", "-b", "side", worktree);
    const inWorktree = await saveSession({ cwd: worktree, agent: "claude", input: { task: "side work" } });
    expect(inWorktree.file).toBe(path.join(realpathSync(worktree), CLAUDE_FILE));
    expect(inWorktree.state.git.branch).toBe("side");
    expect(existsSync(path.join(repo.root, CLAUDE_FILE))).toBe(false);
    const loaded = await loadSession({ cwd: worktree, agent: "claude" });
    expect(loaded.freshness).toBe("fresh");
    expect(loaded.state.task?.description).toBe("side work");
  });

  it("a submodule: the superproject and the submodule each have their own state", async () => {
    const library = createRepo();
    library.commit("lib", { "lib.ts": "export {};\n" });
    const repo = createRepo();
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.root, "vendor/lib");
    repo.git("commit", "-q", "-m", "add submodule");
    const submodule = path.join(repo.root, "vendor/lib");
    const outer = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "outer" } });
    const inner = await saveSession({ cwd: submodule, agent: "claude", input: { task: "inner" } });
    expect(outer.file).toBe(path.join(repo.root, CLAUDE_FILE));
    expect(inner.file).toBe(path.join(submodule, CLAUDE_FILE));
    expect(inner.state.git.last_commit).not.toBe(outer.state.git.last_commit);
    expect((await loadSession({ cwd: submodule, agent: "claude" })).state.task?.description).toBe("inner");
    expect((await loadSession({ cwd: repo.root, agent: "claude" })).state.task?.description).toBe("outer");
  });

  it("a bare repository, or a git directory, is a clear error", async () => {
    const bare = makeTempDir();
    spawnSync("git", ["init", "-q", "--bare", bare], { env: testEnv() });
    const error = await handoffError(() => saveSession({ cwd: bare, agent: "claude" }), "E_BARE_REPO");
    expect(error.hint).toMatch(/checkout/);
    const repo = createRepo();
    await handoffError(() => saveSession({ cwd: path.join(repo.root, ".git"), agent: "claude" }), "E_BARE_REPO");
  });

  it("a folder outside any repository, or one that does not exist, is a clear error", async () => {
    const outside = makeTempDir();
    const error = await handoffError(() => saveSession({ cwd: outside, agent: "claude" }), "E_NOT_GIT_REPO");
    expect(error.message).toContain(outside);
    expect(error.hint).toMatch(/git init/);
    await handoffError(() => loadSession({ cwd: path.join(outside, "missing"), agent: "claude" }), "E_NOT_GIT_REPO");
  });
});

describe("a hook's environment pointing git elsewhere", () => {
  it("GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE for another repository do not change what is read", async () => {
    const { repo, other, hookEnv } = repoUnderAnotherRepoHookEnv();
    const saved = { ...process.env };
    Object.assign(process.env, hookEnv);
    try {
      const { state, file } = await saveSession({ cwd: repo.root, agent: "claude" });
      expect(file).toBe(path.join(repo.root, CLAUDE_FILE));
      expect(state.git).toMatchObject({ branch: "mine", staged_files: ["ours.ts"], last_commit: repo.head().slice(0, state.git.last_commit.length) });
      expect((await loadSession({ cwd: repo.root, agent: "claude" })).freshness).toBe("fresh");
    } finally {
      for (const key of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"]) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
    expect(existsSync(path.join(other.root, CLAUDE_FILE))).toBe(false);
  });
});
