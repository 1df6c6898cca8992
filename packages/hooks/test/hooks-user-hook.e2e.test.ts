import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, testEnv, type TestRepo } from "@handoff/test-utils";
import { eventually, expectStateOnHead, gitWith, handoff, snapshotFolder, hooksSettled } from "./e2e-helpers.js";

afterAll(async () => {
  await hooksSettled();
  cleanupTempDirs();
});

const TASK = "Fix the flaky login test";

/** The user's own hooks: each records that it ran (with its arguments and stdin) in .git/user-hooks.log. */
const USER_HOOKS: Record<string, string> = {
  "post-commit": '#!/bin/sh\necho "post-commit ran" >> .git/user-hooks.log\n',
  "post-rewrite": '#!/bin/sh\necho "post-rewrite $1 ran with: $(cat | wc -l) line(s)" >> .git/user-hooks.log\n',
  "pre-push":
    '#!/bin/sh\nwhile read -r local_ref local_oid remote_ref remote_oid; do\n  echo "pre-push saw $local_ref -> $remote_ref" >> .git/user-hooks.log\ndone\n[ ! -f .git/block-push ] || { echo "push blocked by my own hook" >&2; exit 1; }\n',
};

function repoWithUserHooks(): { repo: TestRepo; remote: string; hooksBefore: Record<string, string> } {
  const repo = createRepo();
  for (const [hook, script] of Object.entries(USER_HOOKS)) writeFileSync(path.join(repo.root, ".git/hooks", hook), script, { mode: 0o755 });
  const remote = path.join(makeTempDir(), "remote.git");
  execFileSync("git", ["init", "-q", "--bare", remote], { env: testEnv() });
  repo.git("remote", "add", "origin", remote);
  const hooksBefore = snapshotFolder(path.join(repo.root, ".git/hooks"));
  return { repo, remote, hooksBefore };
}

function userLog(repo: TestRepo): string {
  try {
    return readFileSync(path.join(repo.root, ".git/user-hooks.log"), "utf8");
  } catch {
    return "";
  }
}

describe("handoff hooks beside the user's own hooks (built bin)", () => {
  it("keeps the user's hooks running, with their arguments and stdin, while the state follows HEAD", async () => {
    const { repo } = repoWithUserHooks();
    const install = handoff(repo.root, "hooks", "install");
    expect(install).toContain("post-commit");
    handoff(repo.root, "save", "claude", "--task", TASK);

    repo.commit("fix: wait for the login form", { "login.test.ts": "// fixed\n" });
    await expectStateOnHead(repo, TASK);
    expect(userLog(repo)).toContain("post-commit ran");

    repo.git("commit", "-q", "--amend", "-m", "fix: wait for the login form (reworded)");
    await expectStateOnHead(repo, TASK);
    expect(userLog(repo)).toContain("post-rewrite amend ran with: 1 line(s)");
  });

  it("lets the user's pre-push hook see the pushed refs and still block the push", async () => {
    const { repo, remote } = repoWithUserHooks();
    handoff(repo.root, "hooks", "install");
    handoff(repo.root, "save", "claude", "--task", TASK);

    writeFileSync(path.join(repo.root, ".git/block-push"), "");
    const blocked = gitWith(repo.root, {}, "push", "-q", "origin", "main");
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain("push blocked by my own hook");
    expect(() => execFileSync("git", ["--git-dir", remote, "rev-parse", "--verify", "-q", "main"], { env: testEnv() })).toThrow();

    execFileSync("rm", [path.join(repo.root, ".git/block-push")]);
    const pushed = gitWith(repo.root, {}, "push", "-q", "origin", "main");
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(execFileSync("git", ["--git-dir", remote, "rev-parse", "main"], { env: testEnv(), encoding: "utf8" }).trim()).toBe(repo.head());
    expect(userLog(repo)).toContain("pre-push saw refs/heads/main -> refs/heads/main");
  });

  it("runs handoff's pre-push check in the foreground with git's stdin, and its verdict can block the push", async () => {
    const { repo, remote } = repoWithUserHooks();
    handoff(repo.root, "hooks", "install");
    const rule = { id: "no-console", severity: "STRICT", files: "**/*.ts", forbid: "console\\.log", message: "no console.log" };
    repo.commit("config", { "handoff.config.json": JSON.stringify({ prePush: "block", rules: [rule] }, null, 2) });
    repo.commit("debugging", { "src/app.ts": 'console.log("here");\n' });

    const blocked = gitWith(repo.root, {}, "push", "-q", "origin", "main");
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain("src/app.ts:1");
    expect(blocked.stderr).toContain("no-console");
    expect(userLog(repo)).not.toContain("pre-push saw");

    const skipped = gitWith(repo.root, { HANDOFF_SKIP: "1" }, "push", "-q", "origin", "main");
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(userLog(repo)).toContain("pre-push saw refs/heads/main -> refs/heads/main");
    expect(execFileSync("git", ["--git-dir", remote, "rev-parse", "main"], { env: testEnv(), encoding: "utf8" }).trim()).toBe(repo.head());
  });

  it("uninstall puts the user's hooks back byte for byte", async () => {
    const { repo, hooksBefore } = repoWithUserHooks();
    handoff(repo.root, "hooks", "install");
    handoff(repo.root, "hooks", "install");
    expect(snapshotFolder(path.join(repo.root, ".git/hooks"))).not.toEqual(hooksBefore);
    const output = handoff(repo.root, "hooks", "uninstall");
    expect(output).toContain("restored the hook that was there before");
    expect(snapshotFolder(path.join(repo.root, ".git/hooks"))).toEqual(hooksBefore);
    repo.commit("after uninstall");
    await eventually(() => expect(userLog(repo)).toContain("post-commit ran"));
  });
});
