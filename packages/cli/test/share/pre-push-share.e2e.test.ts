import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, testEnv } from "@handoff/test-utils";
import { ok, refreshSettled, remoteWithClone, type Clone } from "./helpers.js";

afterAll(cleanupTempDirs);

function gitPush(clone: Clone, ...args: string[]) {
  const result = spawnSync("git", ["push", ...args], { cwd: clone.root, env: testEnv(), encoding: "utf8" });
  return { code: result.status, stderr: result.stderr };
}

function withShare(clone: Clone, share: "push" | "off"): void {
  writeFileSync(path.join(clone.root, "handoff.config.json"), JSON.stringify({ share }));
  clone.git("add", "handoff.config.json");
  clone.git("commit", "-q", "-m", `share: ${share}`);
  ok(clone.handoff("hooks", "install"));
}

describe('"share": "push"', () => {
  it("makes the pre-push hook push refs/handoff/<branch> with the branch", () => {
    const { first } = remoteWithClone("feat/shared");
    withShare(first, "push");
    ok(first.handoff("save", "claude", "--task", "Pushed along"));
    const pushed = gitPush(first, "-q", "origin", "feat/shared");
    expect(pushed.code).toBe(0);
    expect(pushed.stderr).toContain("handoff: pushed the session states of feat/shared to origin (refs/handoff/feat/shared)");
    const onRemote = JSON.parse(first.git("--git-dir", first.git("remote", "get-url", "origin").trim(), "show", "refs/handoff/feat/shared:claude.json"));
    expect(onRemote.task.description).toBe("Pushed along");
    // The branch went too, and the hook's own push did not run the hook again.
    expect(first.git("ls-remote", "origin", "refs/heads/feat/shared")).toContain(first.git("rev-parse", "HEAD").trim());
  });

  it("leaves the ref alone without the setting, and never blocks the push when sharing fails", async () => {
    const { first } = remoteWithClone("quiet");
    withShare(first, "off");
    ok(first.handoff("save", "claude"));
    expect(gitPush(first, "-q", "origin", "quiet").code).toBe(0);
    expect(first.git("ls-remote", "origin", "refs/handoff/*")).toBe("");

    withShare(first, "push");
    // The remote refuses handoff's refs (a server-side hook): the states are not shared, the branch still goes.
    const remote = first.git("remote", "get-url", "origin").trim();
    writeFileSync(path.join(remote, "hooks/update"), '#!/bin/sh\ncase "$1" in refs/handoff/*) echo "no handoff refs here" >&2; exit 1;; esac\n', { mode: 0o755 });
    first.git("commit", "-q", "--allow-empty", "-m", "more work");
    const pushed = gitPush(first, "origin", "quiet");
    expect(pushed.code).toBe(0);
    expect(pushed.stderr).toMatch(/handoff: the session states were not pushed \(details in .*hooks\.log\); the push goes ahead/);
    expect(first.git("ls-remote", "origin", "refs/heads/quiet")).toContain(first.git("rev-parse", "HEAD").trim());
    expect(readFileSync(path.join(first.root, ".git/handoff/hooks.log"), "utf8")).toMatch(/ERROR pre-push: handoff push: git push origin failed: .*no handoff refs here/);
    await refreshSettled(first);
  });
});
