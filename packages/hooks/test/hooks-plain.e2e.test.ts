import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";
import {
  CLAUDE_STATE,
  divergeFromMain,
  eventually,
  expectStateOnHead,
  gitWith,
  handoff,
  readState,
  refreshLanded,
  refreshesIdle,
  hooksSettled,
} from "./e2e-helpers.js";

afterAll(async () => {
  await hooksSettled();
  cleanupTempDirs();
});

const TASK = "Implement user authentication with NextAuth";

function installedRepo() {
  const repo = createRepo();
  handoff(repo.root, "hooks", "install");
  handoff(repo.root, "save", "claude", "--task", TASK, "--next", "Add session provider to layout");
  repo.commit("ignore the state files", { ".gitignore": readFileSync(path.join(repo.root, ".gitignore"), "utf8") });
  return repo;
}

describe("handoff hooks in a plain git repository (built bin)", () => {
  it("keeps the state on HEAD through a commit, a branch switch, a merge, a rebase and an amend", async () => {
    const repo = installedRepo();
    await expectStateOnHead(repo, TASK);

    repo.commit("feat: login form", { "login.ts": "export const login = 1;\n" });
    await expectStateOnHead(repo, TASK);

    repo.git("switch", "-q", "-c", "feat/nextauth-42");
    await expectStateOnHead(repo, TASK);
    expect(readState(repo.root).git.issues).toContain("#42");

    repo.commit("feat: session provider", { "provider.ts": "export {};\n" });
    repo.git("switch", "-q", "main");
    await expectStateOnHead(repo, TASK);
    repo.git("merge", "-q", "--no-ff", "-m", "merge nextauth", "feat/nextauth-42");
    await expectStateOnHead(repo, TASK);

    divergeFromMain(repo, "feat/rebased");
    repo.git("rebase", "-q", "main");
    await expectStateOnHead(repo, TASK);

    repo.git("commit", "-q", "--amend", "-m", "feature: second, reworded");
    await expectStateOnHead(repo, TASK);
    expect(readState(repo.root).context?.next_steps).toEqual(["Add session provider to layout"]);
    await refreshLanded(repo);
    const status = JSON.parse(handoff(repo.root, "status", "--json")) as { agent: string; freshness: string }[];
    expect(status).toEqual([expect.objectContaining({ agent: "claude", freshness: "fresh" })]);
  });

  it("refreshes once at the end of a rebase (also with --apply), not for each picked commit", async () => {
    const repo = installedRepo();
    divergeFromMain(repo, "feat/many");
    await refreshesIdle(repo.root);
    const merge = gitWith(repo.root, { HANDOFF_DEBUG: "1" }, "rebase", "main");
    expect(merge.code).toBe(0);
    expect(merge.stderr).toContain("handoff post-rewrite: refreshing: a rebase finished");
    expect(merge.stderr).not.toContain("handoff post-commit:");
    expect(merge.stderr).not.toContain("handoff post-checkout:");
    await expectStateOnHead(repo, TASK);

    repo.git("switch", "-q", "main");
    repo.commit("main moved again", { "main-2.txt": "2\n" });
    repo.git("switch", "-q", "feat/many");
    repo.git("rebase", "-q", "--apply", "main");
    await expectStateOnHead(repo, TASK);
  });

  it("a storm of commits, switches and an amend ends with the state on HEAD", async () => {
    const repo = installedRepo();
    repo.git("branch", "storm-side");
    for (let i = 0; i < 30; i++) repo.commit(`storm ${i}`, { "storm.txt": `${i}\n` });
    for (let i = 0; i < 6; i++) repo.git("switch", "-q", i % 2 ? "main" : "storm-side");
    repo.git("commit", "-q", "--amend", "--allow-empty", "-m", "storm, amended");
    await expectStateOnHead(repo, TASK);
    await refreshesIdle(repo.root);
    await expectStateOnHead(repo, TASK);
  });

  it("does not refresh for a file checkout", () => {
    const repo = installedRepo();
    repo.write({ "README.md": "changed\n" });
    const before = readFileSync(path.join(repo.root, CLAUDE_STATE), "utf8");
    // With HANDOFF_DEBUG=1 the background refresh writes to git's stderr: once that closes, the hook is done.
    const checkout = gitWith(repo.root, { HANDOFF_DEBUG: "1" }, "checkout", "--", "README.md");
    expect(checkout.code).toBe(0);
    expect(checkout.stderr).not.toContain("handoff post-checkout: refreshing");
    expect(readFileSync(path.join(repo.root, CLAUDE_STATE), "utf8")).toBe(before);
  });

  it("HANDOFF_SKIP=1 leaves the state untouched", async () => {
    const repo = installedRepo();
    await refreshesIdle(repo.root);
    const before = readFileSync(path.join(repo.root, CLAUDE_STATE), "utf8");
    const commit = gitWith(repo.root, { HANDOFF_SKIP: "1", HANDOFF_DEBUG: "1" }, "commit", "-q", "--allow-empty", "-m", "skipped");
    expect(commit.code).toBe(0);
    expect(commit.stderr).toBe("");
    expect(readFileSync(path.join(repo.root, CLAUDE_STATE), "utf8")).toBe(before);
    const traced = gitWith(repo.root, { HANDOFF_DEBUG: "1" }, "commit", "-q", "--allow-empty", "-m", "traced");
    expect(traced.stderr).toContain("handoff post-commit: refreshed .claude/.session-state.json");
    expect(readFileSync(path.join(repo.root, CLAUDE_STATE), "utf8")).not.toBe(before);
  });

  it("never creates a state file, and never writes one git tracks", async () => {
    const repo = installedRepo();
    handoff(repo.root, "save", "copilot", "--task", "tracked by mistake");
    repo.git("add", "-f", ".github/copilot-session-state.json");
    repo.git("commit", "-q", "-m", "track the copilot state");
    const tracked = readFileSync(path.join(repo.root, ".github/copilot-session-state.json"), "utf8");

    repo.commit("one more", { "more.txt": "more\n" });
    await refreshLanded(repo);
    await expectStateOnHead(repo, TASK);
    expect(readFileSync(path.join(repo.root, ".github/copilot-session-state.json"), "utf8")).toBe(tracked);
    expect(existsSync(path.join(repo.root, ".opencode"))).toBe(false);
    expect(readFileSync(path.join(repo.root, ".git/handoff/hooks.log"), "utf8")).toContain(
      "WARN post-commit: .github/copilot-session-state.json is tracked by git",
    );

    const empty = createRepo();
    handoff(empty.root, "hooks", "install");
    const commit = gitWith(empty.root, { HANDOFF_DEBUG: "1" }, "commit", "-q", "--allow-empty", "-m", "no state here");
    expect(commit.stderr).toContain("no agent state file here; nothing written");
    expect(existsSync(path.join(empty.root, ".claude"))).toBe(false);
  });

  it("keeps errors out of git's output, logs them in the git directory, and `handoff status` points at the log", async () => {
    const repo = installedRepo();
    handoff(repo.root, "save", "opencode", "--task", "Other");
    writeFileSync(path.join(repo.root, ".opencode/.session-state.json"), "{ broken");
    const commit = gitWith(repo.root, {}, "commit", "--allow-empty", "-q", "-m", "with a broken state");
    expect(commit).toMatchObject({ code: 0, stdout: "", stderr: "" });
    await eventually(() =>
      expect(readFileSync(path.join(repo.root, ".git/handoff/hooks.log"), "utf8")).toMatch(/ERROR post-commit: \.opencode\/\.session-state\.json/),
    );
    await expectStateOnHead(repo, TASK);
    const status = runHandoff(repo.root, ["status"]);
    // The refresh of the commit before may also have met the broken file: one error or more.
    expect(status.stdout).toMatch(/The git hooks logged (an error|\d+ errors) in the last 7 days; the latest \(post-commit, /);
    expect(status.stdout).toContain(".git/handoff/hooks.log");
  });

  it("exits 0 quietly and logs it when handoff cannot be found any more", async () => {
    const repo = installedRepo();
    await refreshesIdle(repo.root);
    const runner = path.join(repo.root, ".git/handoff/hook.sh");
    writeFileSync(runner, readFileSync(runner, "utf8").replace(/^handoff_cli=.*$/m, "handoff_cli='/nowhere/cli.cjs'"));
    const commit = gitWith(repo.root, { PATH: "/usr/bin:/bin" }, "commit", "--allow-empty", "-q", "-m", "no handoff");
    expect(commit).toMatchObject({ code: 0, stdout: "", stderr: "" });
    await eventually(() =>
      expect(readFileSync(path.join(repo.root, ".git/handoff/hooks.log"), "utf8")).toMatch(/ERROR post-commit: handoff was not found \(\S+ or \/nowhere\/cli\.cjs is gone\); run `npx handoff hooks install` again/),
    );
  });

  it("rejects a missing or unknown action or hook with exit code 2 and the usage", () => {
    const repo = createRepo();
    for (const args of [["hooks"], ["hooks", "reinstall"], ["hooks", "run"], ["hooks", "run", "pre-commit"]]) {
      const result = runHandoff(repo.root, args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: handoff hooks install [--prepare] | uninstall | run <hook>");
    }
    expect(runHandoff(repo.root, ["hooks", "run", "pre-commit"]).stderr).toContain("post-commit, post-checkout, post-merge, post-rewrite, pre-push");
  });

  it("refreshes the state of a linked worktree when committing there", async () => {
    const repo = installedRepo();
    const worktree = path.join(makeTempDir(), "second-checkout");
    repo.git("worktree", "add", "-q", "-b", "side", worktree);
    handoff(worktree, "save", "claude", "--task", "Worktree task");
    const inWorktree = { ...repo, root: worktree, git: (...args: string[]) => gitWith(worktree, {}, ...args).stdout };
    gitWith(worktree, {}, "commit", "-q", "--allow-empty", "-m", "in the worktree");
    await expectStateOnHead(inWorktree, "Worktree task");
    expect(readState(repo.root).git.branch).toBe("main");
  });
});
