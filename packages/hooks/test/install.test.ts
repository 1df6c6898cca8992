import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, testEnv, type TestRepo } from "@handoff/test-utils";
import { HOOK_NAMES } from "../src/hook-names.js";
import { installHooks } from "../src/install.js";
import { uninstallHooks } from "../src/uninstall.js";
import { snapshotFolder } from "./e2e-helpers.js";

afterAll(cleanupTempDirs);
Object.assign(process.env, { GIT_CONFIG_GLOBAL: testEnv().GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: "1" });

const target = { node: process.execPath, cli: "/opt/handoff/dist/cli.cjs" };
const HUSKY_BIN = fileURLToPath(new URL("../../../node_modules/husky/bin.js", import.meta.url));

function hooksPathSetting(repo: TestRepo): string {
  try {
    return repo.git("config", "--get", "core.hooksPath").trim();
  } catch {
    return "(unset)";
  }
}

describe("installing into git's hooks folder", () => {
  it("writes one stub per hook and the runner, and installing twice changes nothing", async () => {
    const repo = createRepo();
    const first = await installHooks({ cwd: repo.root, target });
    expect(first.mode).toBe("plain");
    expect(first.changes.map((change) => [change.hook, change.action])).toEqual(HOOK_NAMES.map((hook) => [hook, "created"]));
    for (const hook of HOOK_NAMES) {
      const stat = lstatSync(path.join(repo.root, ".git/hooks", hook));
      expect(stat.mode & 0o111).not.toBe(0);
    }
    expect(readFileSync(path.join(repo.root, ".git/handoff/hook.sh"), "utf8")).toContain(`handoff_cli='${target.cli}'`);

    const hooks = snapshotFolder(path.join(repo.root, ".git/hooks"));
    const second = await installHooks({ cwd: repo.root, target });
    expect(second.runner).toBe("unchanged");
    expect(second.changes.every((change) => change.action === "unchanged")).toBe(true);
    expect(snapshotFolder(path.join(repo.root, ".git/hooks"))).toEqual(hooks);
    expect(hooksPathSetting(repo)).toBe("(unset)");
  });

  it("chains a hook that was there, and uninstall restores every file byte for byte", async () => {
    const repo = createRepo();
    const hooksDir = path.join(repo.root, ".git/hooks");
    writeFileSync(path.join(hooksDir, "post-commit"), "#!/bin/sh\necho mine\n", { mode: 0o750 });
    writeFileSync(path.join(hooksDir, "pre-push"), "#!/bin/sh\nexit 1", { mode: 0o700 });
    symlinkSync("../../scripts/merge-hook.sh", path.join(hooksDir, "post-merge"));
    const before = snapshotFolder(hooksDir);

    const result = await installHooks({ cwd: repo.root, target });
    const actions = Object.fromEntries(result.changes.map((change) => [change.hook, change.action]));
    expect(actions).toEqual({
      "post-commit": "chained",
      "post-checkout": "created",
      "post-merge": "chained",
      "post-rewrite": "created",
      "pre-push": "chained",
    });
    expect(readFileSync(path.join(hooksDir, "post-commit.handoff-chained"), "utf8")).toBe("#!/bin/sh\necho mine\n");

    const removed = await uninstallHooks(repo.root);
    expect(removed.runnerRemoved).toBe(true);
    expect(snapshotFolder(hooksDir)).toEqual(before);
    expect(existsSync(path.join(repo.root, ".git/handoff"))).toBe(false);
  });

  it("leaves a hook alone when a chained one is already in the way", async () => {
    const repo = createRepo();
    const hooksDir = path.join(repo.root, ".git/hooks");
    writeFileSync(path.join(hooksDir, "post-commit"), "#!/bin/sh\necho new\n", { mode: 0o755 });
    writeFileSync(path.join(hooksDir, "post-commit.handoff-chained"), "#!/bin/sh\necho old\n", { mode: 0o755 });
    const result = await installHooks({ cwd: repo.root, target });
    expect(result.changes.find((change) => change.hook === "post-commit")?.action).toBe("skipped");
    expect(readFileSync(path.join(hooksDir, "post-commit"), "utf8")).toBe("#!/bin/sh\necho new\n");
    expect(readFileSync(path.join(hooksDir, "post-commit.handoff-chained"), "utf8")).toBe("#!/bin/sh\necho old\n");
  });

  it("honours an existing core.hooksPath and never changes it", async () => {
    const repo = createRepo();
    repo.git("config", "core.hooksPath", ".githooks");
    repo.write({ ".githooks/post-checkout": "#!/bin/sh\necho team hook\n" });
    const result = await installHooks({ cwd: repo.root, target });
    expect(result.locations.hooksDir).toBe(path.join(repo.root, ".githooks"));
    expect(existsSync(path.join(repo.root, ".githooks/post-commit"))).toBe(true);
    expect(existsSync(path.join(repo.root, ".git/hooks/post-commit"))).toBe(false);
    expect(result.changes.find((change) => change.hook === "post-checkout")?.action).toBe("chained");
    expect(hooksPathSetting(repo)).toBe(".githooks");
    await uninstallHooks(repo.root);
    expect(readdirSync(path.join(repo.root, ".githooks"))).toEqual(["post-checkout"]);
  });

  it("uninstall in one repository leaves the stubs of a core.hooksPath that other repositories share", async () => {
    const shared = makeTempDir();
    writeFileSync(path.join(shared, "post-commit"), "#!/bin/sh\necho team-wide\n", { mode: 0o755 });
    const [first, second] = [createRepo(), createRepo()];
    for (const repo of [first, second]) {
      repo.git("config", "core.hooksPath", shared);
      const installed = await installHooks({ cwd: repo.root, target });
      expect(installed.warnings.join("\n")).toContain("outside this repository");
    }
    const stubs = snapshotFolder(shared);

    const removed = await uninstallHooks(first.root);
    expect(removed.runnerRemoved).toBe(true);
    expect(removed.changes.map((change) => [change.hook, change.action])).toEqual(HOOK_NAMES.map((hook) => [hook, "skipped"]));
    expect(removed.changes[0]?.detail).toContain("other repositories may rely on it");
    expect(snapshotFolder(shared)).toEqual(stubs);
    expect(readFileSync(path.join(shared, "post-commit.handoff-chained"), "utf8")).toBe("#!/bin/sh\necho team-wide\n");
    expect(existsSync(path.join(first.root, ".git/handoff/hook.sh"))).toBe(false);
    expect(existsSync(path.join(second.root, ".git/handoff/hook.sh"))).toBe(true);
  });

  it("installs from a linked worktree into the shared hooks folder, with the runner in the common git directory", async () => {
    const repo = createRepo();
    const worktree = path.join(makeTempDir(), "wt");
    repo.git("worktree", "add", "-q", "-b", "side", worktree);
    const result = await installHooks({ cwd: worktree, target });
    expect(result.locations.hooksDir).toBe(path.join(repo.root, ".git/hooks"));
    expect(result.locations.runner).toBe(path.join(repo.root, ".git/handoff/hook.sh"));
    expect(existsSync(path.join(repo.root, ".git/hooks/post-commit"))).toBe(true);
  });

  it("works where .git is a file pointing elsewhere", async () => {
    const root = makeTempDir();
    const gitDir = path.join(makeTempDir(), "separate.git");
    execFileSync("git", ["init", "-q", "-b", "main", `--separate-git-dir=${gitDir}`, root], { env: testEnv() });
    expect(lstatSync(path.join(root, ".git")).isFile()).toBe(true);
    const result = await installHooks({ cwd: root, target });
    expect(result.locations.hooksDir).toBe(path.join(gitDir, "hooks"));
    expect(existsSync(path.join(gitDir, "hooks/post-commit"))).toBe(true);
    expect(existsSync(path.join(gitDir, "handoff/hook.sh"))).toBe(true);
  });
});

describe("installing into husky 9", () => {
  function huskyRepo(): TestRepo {
    const repo = createRepo();
    execFileSync(process.execPath, [HUSKY_BIN], { cwd: repo.root, env: testEnv(), stdio: "pipe" });
    expect(hooksPathSetting(repo)).toBe(".husky/_");
    return repo;
  }

  it("adds a block to .husky/<hook>, keeping the lines there, and creates the files that are missing", async () => {
    const repo = huskyRepo();
    repo.write({ ".husky/post-commit": "npx some-tool --after-commit\n" });
    const result = await installHooks({ cwd: repo.root, target });
    expect(result.mode).toBe("husky");
    expect(result.warnings).toEqual([]);
    const actions = Object.fromEntries(result.changes.map((change) => [change.hook, change.action]));
    expect(actions["post-commit"]).toBe("added");
    expect(actions["pre-push"]).toBe("created");
    const postCommit = readFileSync(path.join(repo.root, ".husky/post-commit"), "utf8");
    expect(postCommit).toContain("npx some-tool --after-commit\n");
    expect(postCommit).toContain('sh "$handoff_common/handoff/hook.sh" post-commit "$@"');
    expect(existsSync(path.join(repo.root, ".husky/_/post-commit"))).toBe(true);
    expect(hooksPathSetting(repo)).toBe(".husky/_");
  });

  it("never writes through a .husky that is a symlink to a folder outside the repository", async () => {
    const repo = huskyRepo();
    const outside = path.join(makeTempDir(), "team-husky");
    renameSync(path.join(repo.root, ".husky"), outside);
    symlinkSync(outside, path.join(repo.root, ".husky"));
    writeFileSync(path.join(outside, "post-commit"), "echo shared\n");
    const before = snapshotFolder(outside);

    const result = await installHooks({ cwd: repo.root, target });
    expect(result.mode).toBe("husky");
    expect(result.changes.map((change) => change.action)).toEqual(HOOK_NAMES.map(() => "skipped"));
    expect(result.warnings.join("\n")).toContain("leads outside this repository");
    expect(snapshotFolder(outside)).toEqual(before);
    await uninstallHooks(repo.root);
    expect(snapshotFolder(outside)).toEqual(before);
  });

  it("installing twice changes nothing, and uninstall restores .husky byte for byte", async () => {
    const repo = huskyRepo();
    repo.write({ ".husky/pre-commit": "npx lint-staged\n", ".husky/post-merge": "#!/usr/bin/env sh\nnpm install\n" });
    const before = snapshotFolder(path.join(repo.root, ".husky"));
    await installHooks({ cwd: repo.root, target });
    const installed = snapshotFolder(path.join(repo.root, ".husky"));
    const again = await installHooks({ cwd: repo.root, target });
    expect(again.changes.every((change) => change.action === "unchanged")).toBe(true);
    expect(snapshotFolder(path.join(repo.root, ".husky"))).toEqual(installed);

    const removed = await uninstallHooks(repo.root);
    const actions = Object.fromEntries(removed.changes.map((change) => [change.hook, change.action]));
    expect(actions).toEqual({
      "post-commit": "deleted",
      "post-checkout": "deleted",
      "post-merge": "removed",
      "post-rewrite": "deleted",
      "pre-push": "deleted",
    });
    expect(snapshotFolder(path.join(repo.root, ".husky"))).toEqual(before);
  });
});
