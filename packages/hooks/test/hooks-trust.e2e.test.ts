/**
 * The hooks run on every checkout and pull, often of a branch nobody has read yet. A branch that
 * force-adds handoff's own files under node_modules (ignored, so expendable to git: a checkout
 * overwrites them) must not get them run, and must leave a line in the hook log instead.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff, type TestRepo } from "@handoff/test-utils";
import {
  CLAUDE_STATE,
  eventually,
  expectStateOnHead,
  git,
  gitWith,
  hooksSettled,
  INSTALLED_CLI,
  installNodeModulesCopy,
  readState,
} from "./e2e-helpers.js";

afterAll(async () => {
  await hooksSettled();
  cleanupTempDirs();
});

const TASK = "Review pull request 123";

interface Setup {
  repo: TestRepo;
  marker: string;
  attacker: string;
}

/**
 * A project with handoff installed in its own node_modules (a copy of the built package, as npm
 * would leave it), the hooks installed from there and a saved state; and an attacker's clone
 * with a branch `pr-123` that force-adds node_modules/@handoff/cli/dist/cli.cjs and
 * node_modules/.bin/handoff, both writing `marker` when run.
 */
function setup(): Setup {
  const repo = createRepo();
  repo.commit("ignore node_modules", { ".gitignore": "node_modules/\n.claude/.session-state.json*\n" });
  const installed = installNodeModulesCopy(repo);
  expect(installed).toContain("handoff hooks installed");
  expect(readFileSync(path.join(repo.root, ".git/handoff/hook.sh"), "utf8")).toContain(`handoff_cli='${path.join(repo.root, INSTALLED_CLI)}'`);
  expect(runHandoff(repo.root, ["save", "claude", "--task", TASK]).code).toBe(0);

  const marker = path.join(makeTempDir(), "pwned");
  const attacker = path.join(makeTempDir(), "fork");
  git(path.dirname(attacker), "clone", "-q", repo.root, attacker);
  const evil = `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran " + process.argv.slice(2).join(" "));\n`;
  git(attacker, "switch", "-q", "-c", "pr-123");
  mkdirSync(path.join(attacker, "node_modules/@handoff/cli/dist"), { recursive: true });
  mkdirSync(path.join(attacker, "node_modules/.bin"), { recursive: true });
  writeFileSync(path.join(attacker, INSTALLED_CLI), evil);
  writeFileSync(path.join(attacker, "node_modules/.bin/handoff"), `#!/bin/sh\necho "ran $*" > '${marker}'\n`);
  chmodSync(path.join(attacker, "node_modules/.bin/handoff"), 0o755);
  git(attacker, "add", "-f", "node_modules");
  git(attacker, "-c", "user.name=Mallory", "-c", "user.email=m@example.com", "commit", "-q", "-m", "Fix a typo");
  return { repo, marker, attacker };
}

function hookLog(repo: TestRepo): string {
  const file = path.join(repo.root, ".git/handoff/hooks.log");
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

describe("the hooks never run what a checked-out branch put in the work tree (built bin)", () => {
  let s: Setup;
  beforeEach(() => {
    s = setup();
  });

  it("runs the handoff installed in node_modules while git tracks nothing there", async () => {
    s.repo.commit("feat: one", { "one.ts": "export {};\n" });
    await expectStateOnHead(s.repo, TASK);
    expect(hookLog(s.repo)).toBe("");
  });

  it("git checkout of a branch that force-adds node_modules/@handoff/cli/dist/cli.cjs does not run it", async () => {
    git(s.repo.root, "fetch", "-q", s.attacker, "pr-123:pr-123");
    const checkout = gitWith(s.repo.root, {}, "checkout", "-q", "pr-123");
    expect(checkout.code, checkout.stderr).toBe(0);
    // git overwrote the ignored, installed file with the branch's: this is the attack.
    expect(readFileSync(path.join(s.repo.root, INSTALLED_CLI), "utf8")).toContain("pwned");
    await eventually(() => expect(hookLog(s.repo)).toMatch(/ERROR post-checkout: handoff was not run: git tracks files in .*\/node_modules/));
    expect(existsSync(s.marker)).toBe(false);

    // The next commit on that branch is refused the same way.
    s.repo.commit("review notes", { "notes.md": "looks fine\n" });
    await eventually(() => expect(hookLog(s.repo)).toContain("ERROR post-commit: handoff was not run"));
    expect(existsSync(s.marker)).toBe(false);
    expect(readState(s.repo.root).git.branch).toBe("main");
  });

  it("a branch that tracks NODE_MODULES/... (the same folder on a case-insensitive file system) is refused too", async () => {
    s.repo.commit("vendor", { "NODE_MODULES/@handoff/cli/dist/cli.cjs": "require('fs').writeFileSync('pwned', '')\n" });
    await eventually(() => expect(hookLog(s.repo)).toMatch(/ERROR post-commit: handoff was not run: git tracks files in .*\/node_modules/));
    expect(existsSync(s.marker)).toBe(false);
  });

  it("git pull of such a branch does not run it either", async () => {
    const pull = gitWith(s.repo.root, {}, "pull", "-q", "--no-rebase", "--no-edit", s.attacker, "pr-123");
    expect(pull.code, pull.stderr).toBe(0);
    await eventually(() => expect(hookLog(s.repo)).toContain("ERROR post-merge: handoff was not run: git tracks files in"));
    expect(existsSync(s.marker)).toBe(false);
  });

  it("a planted file git no longer tracks (reset after the checkout) is refused as newer than the install", async () => {
    git(s.repo.root, "fetch", "-q", s.attacker, "pr-123:pr-123");
    gitWith(s.repo.root, {}, "checkout", "-q", "pr-123");
    await eventually(() => expect(hookLog(s.repo)).toContain("ERROR post-checkout: handoff was not run"));
    // Back on main's commit without touching the work tree: the branch's files stay, untracked and ignored.
    git(s.repo.root, "reset", "-q", "--mixed", "main");
    expect(git(s.repo.root, "ls-files", "node_modules")).toBe("");
    s.repo.commit("after the review", { "after.md": "x\n" });
    await eventually(() => expect(hookLog(s.repo)).toMatch(/ERROR post-commit: handoff was not run: .*cli\.cjs changed after the last `handoff hooks install`/));
    expect(existsSync(s.marker)).toBe(false);
  });

  it("pre-push does not run it, says so, and lets the push go", () => {
    git(s.repo.root, "fetch", "-q", s.attacker, "pr-123:pr-123");
    gitWith(s.repo.root, { HANDOFF_SKIP: "1" }, "checkout", "-q", "pr-123");
    const remote = path.join(makeTempDir(), "remote.git");
    git(path.dirname(remote), "init", "-q", "--bare", remote);
    const push = gitWith(s.repo.root, {}, "push", "-q", remote, "pr-123");
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr).toContain("handoff: handoff was not run: git tracks files in");
    expect(push.stderr).toContain("the push goes ahead");
    expect(existsSync(s.marker)).toBe(false);
    expect(readState(s.repo.root, CLAUDE_STATE).task?.description).toBe(TASK);
  });
});
