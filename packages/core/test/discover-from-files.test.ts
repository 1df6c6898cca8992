import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir } from "@handoff/test-utils";
import { discoverFromFiles } from "../src/git/discover-from-files.js";
import { resolveRepo, resolveWithGit } from "../src/git/repo.js";

afterAll(cleanupTempDirs);

/** The file-based answer must be git's own answer, or no answer at all. */
async function expectSameAsGit(cwd: string) {
  const fromFiles = discoverFromFiles(cwd);
  expect(fromFiles, `no answer from the files in ${cwd}`).toBeDefined();
  expect(fromFiles).toEqual(await resolveWithGit(cwd));
}

describe("discoverFromFiles agrees with git rev-parse", () => {
  it("at the top, in a subfolder, with loose and with packed refs", async () => {
    const repo = createRepo();
    repo.commit("second", { "src/deep/a.ts": "a\n" });
    await expectSameAsGit(repo.root);
    await expectSameAsGit(path.join(repo.root, "src/deep"));
    repo.git("pack-refs", "--all");
    await expectSameAsGit(repo.root);
    repo.commit("third");
    await expectSameAsGit(repo.root);
  });

  it("with no commits yet, and on a detached HEAD", async () => {
    await expectSameAsGit(createRepo({ initialCommit: false }).root);
    const repo = createRepo();
    repo.commit("second");
    repo.git("checkout", "-q", "--detach", "HEAD~1");
    await expectSameAsGit(repo.root);
  });

  it("in a linked worktree and in a submodule", async () => {
    const repo = createRepo();
    const worktree = path.join(makeTempDir(), "wt");
    repo.git("worktree", "add", "-q", "-b", "side", worktree);
    await expectSameAsGit(worktree);
    repo.git("pack-refs", "--all");
    await expectSameAsGit(worktree);

    const inner = createRepo();
    const outer = createRepo();
    outer.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.root, "lib");
    // A submodule's git dir sets core.worktree: that is left to git, and resolveRepo asks it.
    const submodule = path.join(outer.root, "lib");
    expect(discoverFromFiles(submodule)).toBeUndefined();
    expect(await resolveRepo(submodule)).toEqual(await resolveWithGit(submodule));
  });

  it("leaves unusual places to git: inside .git, outside any repo, a broken .git file", () => {
    const repo = createRepo();
    expect(discoverFromFiles(path.join(repo.root, ".git"))).toBeUndefined();
    expect(discoverFromFiles(makeTempDir())).toBeUndefined();
    const odd = makeTempDir();
    writeFileSync(path.join(odd, ".git"), "not a pointer\n");
    expect(discoverFromFiles(odd)).toBeUndefined();
    expect(discoverFromFiles(repo.root, { GIT_CEILING_DIRECTORIES: "/" })).toBeUndefined();
  });

  it("leaves a work tree set in config to git", () => {
    const repo = createRepo();
    const elsewhere = makeTempDir();
    mkdirSync(path.join(elsewhere, "x"));
    repo.git("config", "core.worktree", elsewhere);
    expect(discoverFromFiles(repo.root)).toBeUndefined();
  });
});
