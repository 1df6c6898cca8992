/**
 * A check that cannot run lets the push go, with a warning: a file of the installed package
 * missing (the bin crashes while loading), or the node binary recorded at install gone.
 * Only the check's own `blocked` verdict may stop a push. A refresh that cannot start says so
 * in the hook log, and the commit goes through.
 */
import { rmSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, type TestRepo } from "@handoff/test-utils";
import { eventually, git, gitWith, hooksSettled, installNodeModulesCopy, refreshesIdle } from "./e2e-helpers.js";

afterAll(async () => {
  await hooksSettled();
  cleanupTempDirs();
});

const BLOCKING = JSON.stringify({
  prePush: "block",
  rules: [{ id: "no-todo", severity: "STRICT", files: "**/*.ts", forbid: "TODO", message: "a TODO", fix: "do it" }],
});

/** A project with handoff in its node_modules, the hooks installed from there, a remote, and a commit the rule blocks. */
function project(): TestRepo & { remote: string } {
  const repo = createRepo();
  repo.commit("setup", { ".gitignore": "node_modules/\n", "handoff.config.json": BLOCKING });
  installNodeModulesCopy(repo);
  const remote = path.join(makeTempDir(), "origin.git");
  git(path.dirname(remote), "init", "-q", "--bare", remote);
  repo.git("remote", "add", "origin", remote);
  repo.commit("work", { "app.ts": "// TODO: later\n" });
  return Object.assign(repo, { remote });
}

describe("pre-push with a broken install (built bin, installed in node_modules)", () => {
  it("blocks on a STRICT violation while the install is whole", () => {
    const repo = project();
    const push = gitWith(repo.root, {}, "push", "-q", "origin", "main");
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain("no-todo");
  });

  it("lets the push go with a warning when a file of the package is missing", () => {
    const repo = project();
    rmSync(path.join(repo.root, "node_modules/@handoff/cli/dist/hooks.cjs"));
    const push = gitWith(repo.root, {}, "push", "-q", "origin", "main");
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr).toContain("handoff: the pre-push check could not run (handoff exited 1); the push goes ahead (see .git/handoff/hooks.log)");
    expect(readFileSync(path.join(repo.root, ".git/handoff/hooks.log"), "utf8")).toContain("ERROR pre-push: the pre-push check could not run");
    expect(git(repo.root, "ls-remote", repo.remote, "refs/heads/main")).toContain(repo.head());
  });

  it("a commit goes through, and the hook log says the refresh could not run, when a file of the package is missing", async () => {
    const repo = project();
    await refreshesIdle(repo.root);
    rmSync(path.join(repo.root, "node_modules/@handoff/cli/dist/hooks.cjs"));
    const commit = gitWith(repo.root, {}, "commit", "-q", "--allow-empty", "-m", "broken install");
    expect(commit).toMatchObject({ code: 0, stdout: "", stderr: "" });
    await eventually(() =>
      expect(readFileSync(path.join(repo.root, ".git/handoff/hooks.log"), "utf8")).toContain(
        "ERROR post-commit: the refresh could not run (handoff exited 1: is a file of it missing?); run `npx handoff hooks install` again",
      ),
    );
    await refreshesIdle(repo.root);
  });

  it("lets the push go with a warning when the recorded node is gone", () => {
    const repo = project();
    const runner = path.join(repo.root, ".git/handoff/hook.sh");
    writeFileSync(runner, readFileSync(runner, "utf8").replace(/^handoff_node=.*$/m, "handoff_node='/gone/bin/node'"));
    const push = gitWith(repo.root, {}, "push", "-q", "origin", "main");
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr).toMatch(/handoff: handoff was not found \(\/gone\/bin\/node or .* is gone\); run `npx handoff hooks install` again; the push goes ahead/);
    expect(git(repo.root, "ls-remote", repo.remote, "refs/heads/main")).toContain(repo.head());
  });
});
