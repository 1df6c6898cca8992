import { chownSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
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

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: string }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: (error as { code?: string }).code ?? String(error) }),
  );
}

/** Where git answers otherwise than a plain reading of the files: the files must give no answer. */
async function expectLeftToGit(cwd: string) {
  expect(discoverFromFiles(cwd), `an answer from the files in ${cwd}`).toBeUndefined();
  expect(await settle(resolveRepo(cwd))).toEqual(await settle(resolveWithGit(cwd)));
}

function chownTree(at: string, uid: number): void {
  chownSync(at, uid, uid);
  for (const entry of readdirSync(at, { withFileTypes: true })) {
    if (entry.isDirectory()) chownTree(path.join(at, entry.name), uid);
    else chownSync(path.join(at, entry.name), uid, uid);
  }
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

  it("leaves a .git folder whose config says core.bare=true to git", async () => {
    const repo = createRepo();
    repo.git("config", "core.bare", "true");
    await expectLeftToGit(repo.root);
  });

  it("leaves core.worktree set in config.worktree to git", async () => {
    const repo = createRepo();
    const elsewhere = makeTempDir();
    repo.git("config", "extensions.worktreeConfig", "true");
    repo.git("config", "--worktree", "core.worktree", elsewhere);
    await expectLeftToGit(repo.root);
  });

  it("leaves a linked worktree whose HEAD names a shared ref that is not a branch to git", async () => {
    const repo = createRepo();
    const worktree = path.join(makeTempDir(), "wt");
    repo.git("worktree", "add", "-q", "--detach", worktree);
    repo.git("update-ref", "refs/custom/review", "HEAD");
    repo.git("-C", worktree, "symbolic-ref", "HEAD", "refs/custom/review");
    await expectLeftToGit(worktree);
    expect((await resolveRepo(worktree)).head).toBe(repo.head());
  });

  it.skipIf(process.getuid?.() !== 0)("leaves a repository owned by another user to git (dubious ownership)", async () => {
    const repo = createRepo();
    chownTree(repo.root, 4242);
    await expectLeftToGit(repo.root);
    expect((await settle(resolveWithGit(repo.root))).error).toBeDefined();
  });
});
