import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, testEnv, type TestRepo } from "@handoff/test-utils";
import { divergeFromMain, expectStateOnHead, gitWith, handoff, snapshotFolder, hooksSettled } from "./e2e-helpers.js";

afterAll(async () => {
  await hooksSettled();
  cleanupTempDirs();
});

const TASK = "Migrate the settings page";
const npmEnv = () => testEnv({ npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" });

/** A repository set up the way husky 9's docs say: `npm i -D husky@9`, `npx husky init`. */
function huskyRepo(): TestRepo {
  const repo = createRepo();
  repo.write({ "package.json": `${JSON.stringify({ name: "husky-app", version: "1.0.0", private: true }, null, 2)}\n`, ".gitignore": "node_modules/\n" });
  execFileSync("npm", ["install", "--save-dev", "--loglevel=error", "husky@9"], { cwd: repo.root, env: npmEnv(), stdio: "pipe" });
  execFileSync("npx", ["--no-install", "husky", "init"], { cwd: repo.root, env: npmEnv(), stdio: "pipe" });
  // husky init's pre-commit runs `npm test`, which fails in an empty package: make it the user's own marker.
  writeFileSync(path.join(repo.root, ".husky/pre-commit"), 'echo "pre-commit ran" >> .git/user-hooks.log\n');
  writeFileSync(path.join(repo.root, ".husky/post-commit"), 'echo "post-commit ran" >> .git/user-hooks.log\n');
  repo.git("add", "-A");
  repo.git("commit", "-q", "-m", "husky");
  return repo;
}

function userLog(repo: TestRepo): string {
  return existsSync(path.join(repo.root, ".git/user-hooks.log")) ? readFileSync(path.join(repo.root, ".git/user-hooks.log"), "utf8") : "";
}

describe("handoff hooks in a husky 9 repository (husky from the registry, built bin)", () => {
  let repo: TestRepo;
  let huskyBefore: Record<string, string>;

  beforeAll(() => {
    repo = huskyRepo();
    expect(repo.git("config", "core.hooksPath").trim()).toBe(".husky/_");
    huskyBefore = snapshotFolder(path.join(repo.root, ".husky"));
  });

  it("adds its lines to .husky/<hook>, keeps the user's lines and leaves core.hooksPath alone", () => {
    const output = handoff(repo.root, "hooks", "install");
    expect(output).toContain("husky's .husky/");
    const postCommit = readFileSync(path.join(repo.root, ".husky/post-commit"), "utf8");
    expect(postCommit).toContain('echo "post-commit ran" >> .git/user-hooks.log\n');
    expect(postCommit).toContain("post-commit");
    expect(readFileSync(path.join(repo.root, ".husky/pre-commit"), "utf8")).toBe('echo "pre-commit ran" >> .git/user-hooks.log\n');
    for (const hook of ["post-checkout", "post-merge", "post-rewrite", "pre-push"]) {
      expect(existsSync(path.join(repo.root, ".husky", hook)), hook).toBe(true);
    }
    expect(repo.git("config", "core.hooksPath").trim()).toBe(".husky/_");
    expect(handoff(repo.root, "hooks", "install")).toContain("already installed");
  });

  it("keeps the state on HEAD through a commit, a switch, a merge, a rebase and an amend, with the user's hooks still running", async () => {
    handoff(repo.root, "save", "claude", "--task", TASK);
    repo.git("add", ".gitignore", ".husky");
    repo.git("commit", "-q", "-m", "handoff hooks");
    await expectStateOnHead(repo, TASK);
    expect(userLog(repo)).toContain("pre-commit ran");
    expect(userLog(repo)).toContain("post-commit ran");

    repo.git("switch", "-q", "-c", "feat/settings-7");
    await expectStateOnHead(repo, TASK);
    repo.commit("feat: settings form", { "settings.ts": "export {};\n" });
    await expectStateOnHead(repo, TASK);
    repo.git("switch", "-q", "main");
    repo.git("merge", "-q", "--no-ff", "-m", "merge settings", "feat/settings-7");
    await expectStateOnHead(repo, TASK);

    divergeFromMain(repo, "feat/rebased");
    repo.git("rebase", "-q", "main");
    await expectStateOnHead(repo, TASK);
    repo.git("commit", "-q", "--amend", "-m", "feature: second, amended");
    await expectStateOnHead(repo, TASK);
  });

  it("hands git's stdin on to the user's own lines in .husky/pre-push", () => {
    const remote = path.join(repo.root, ".git/test-remote.git");
    execFileSync("git", ["init", "-q", "--bare", remote], { env: testEnv() });
    repo.git("remote", "add", "origin", remote);
    const userLines = 'while read -r local_ref local_oid remote_ref remote_oid; do echo "pre-push saw $local_ref" >> .git/user-hooks.log; done\n';
    writeFileSync(path.join(repo.root, ".husky/pre-push"), readFileSync(path.join(repo.root, ".husky/pre-push"), "utf8") + userLines);
    const push = gitWith(repo.root, {}, "push", "-q", "origin", "main");
    expect(push.code, push.stderr).toBe(0);
    expect(userLog(repo)).toContain("pre-push saw refs/heads/main");
  });

  it("a failing user pre-commit still fails the commit", () => {
    writeFileSync(path.join(repo.root, ".husky/pre-commit"), 'echo "nope" >&2\nexit 1\n');
    const commit = gitWith(repo.root, {}, "commit", "-q", "--allow-empty", "-m", "should fail");
    expect(commit.code).not.toBe(0);
    writeFileSync(path.join(repo.root, ".husky/pre-commit"), 'echo "pre-commit ran" >> .git/user-hooks.log\n');
  });

  it("uninstall restores .husky byte for byte (and keeps lines the user added since)", () => {
    handoff(repo.root, "hooks", "uninstall");
    const prePush = path.join(repo.root, ".husky/pre-push");
    expect(readFileSync(prePush, "utf8")).toMatch(/^while read -r local_ref/);
    execFileSync("rm", [prePush]);
    expect(snapshotFolder(path.join(repo.root, ".husky"))).toEqual(huskyBefore);
    expect(existsSync(path.join(repo.root, ".git/handoff/hook.sh"))).toBe(false);
  });
});
