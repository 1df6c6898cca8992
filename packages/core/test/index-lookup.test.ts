import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, testEnv, type TestRepo } from "@handoff/test-utils";
import { indexHoldsNothingAt } from "../src/git/index-lookup.js";
import { resolveWithGit } from "../src/git/repo.js";

afterAll(cleanupTempDirs);

function lsFiles(repo: TestRepo, file: string): string[] {
  return repo.git("--literal-pathspecs", "ls-files", "-z", "--cached", "--", file).split("\0").filter(Boolean);
}

/** What the index search says for each path; "nothing" must never be said where git lists an entry. */
async function answers(repo: TestRepo, files: string[]): Promise<Record<string, boolean>> {
  const paths = await resolveWithGit(repo.root);
  const result: Record<string, boolean> = {};
  for (const file of files) {
    result[file] = indexHoldsNothingAt(paths, file);
    if (result[file]) expect(lsFiles(repo, file), file).toEqual([]);
  }
  return result;
}

const UNTRACKED = [".claude/.session-state.json", ".codex/.session-state.json", "notes/state.json", "a b/ü-not.txt"];
const TRACKED = ["README.md", "src", "src/a.ts", "a b/ü.txt", ".gemini/.session-state.json"];

function repoWithFiles(): TestRepo {
  const repo = createRepo();
  repo.commit("files", {
    "README.md": "# r\n",
    "src/a.ts": "a\n",
    "src/a/b.ts": "b\n",
    "a b/ü.txt": "u\n",
    ".gemini/.session-state.json": "{}\n",
    ".claude/settings.json": "{}\n",
  });
  return repo;
}

const all = (files: string[], value: boolean) => Object.fromEntries(files.map((file) => [file, value]));

describe("indexHoldsNothingAt", () => {
  it("answers for untracked paths in index versions 2 and 3, and never for a tracked one", async () => {
    const repo = repoWithFiles();
    expect(await answers(repo, [...UNTRACKED, ...TRACKED])).toEqual({ ...all(UNTRACKED, true), ...all(TRACKED, false) });
    // An intent-to-add entry (extended flags: index version 3) is tracked too.
    repo.write({ ".codex/.session-state.json": "{}\n" });
    repo.git("add", "-N", ".codex/.session-state.json");
    const withIntent = await answers(repo, [...UNTRACKED, ...TRACKED]);
    expect(withIntent[".codex/.session-state.json"]).toBe(false);
    expect(withIntent[".claude/.session-state.json"]).toBe(true);
  });

  it("leaves to git a path whose bytes are part of another tracked path", async () => {
    const repo = createRepo();
    repo.commit("nested", { "sub/.claude/.session-state.json": "{}\n" });
    expect(await answers(repo, [".claude/.session-state.json"])).toEqual({ ".claude/.session-state.json": false });
    expect(lsFiles(repo, ".claude/.session-state.json")).toEqual([]);
  });

  it("leaves to git index version 4, a split index, a sparse index and a missing or damaged index", async () => {
    const v4 = repoWithFiles();
    v4.git("update-index", "--index-version", "4");
    expect(await answers(v4, UNTRACKED)).toEqual(all(UNTRACKED, false));

    const split = repoWithFiles();
    split.git("update-index", "--split-index");
    split.commit("more", { "more.txt": "m\n" });
    expect(await answers(split, UNTRACKED)).toEqual(all(UNTRACKED, false));

    const sparse = createRepo();
    sparse.commit("files", { "README.md": "r\n", "notes/deep/a.md": "a\n", "docs/b.md": "b\n" });
    sparse.git("sparse-checkout", "init", "--cone", "--sparse-index");
    sparse.git("sparse-checkout", "set", "docs");
    // notes/ is one directory entry now: no path under it can be vouched for; docs/ is expanded.
    expect(await answers(sparse, ["notes/state.json", "notes/deep/a.md", "docs/state.json"])).toEqual({
      "notes/state.json": false,
      "notes/deep/a.md": false,
      "docs/state.json": true,
    });

    const damaged = repoWithFiles();
    const paths = await resolveWithGit(damaged.root);
    writeFileSync(path.join(paths.gitDir, "index"), "not an index at all");
    expect(indexHoldsNothingAt(paths, ".claude/.session-state.json")).toBe(false);
    rmSync(path.join(paths.gitDir, "index"));
    expect(indexHoldsNothingAt(paths, ".claude/.session-state.json")).toBe(false);
  });

  it("in a SHA-256 repository and in a linked worktree", async () => {
    const root = makeTempDir();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, env: testEnv(), encoding: "utf8" });
    git("init", "-q", "--object-format=sha256", "-b", "main");
    mkdirSync(path.join(root, "src"));
    writeFileSync(path.join(root, "src/a.ts"), "a\n");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "sha256");
    const sha256 = { root, git } as unknown as TestRepo;
    expect(await answers(sha256, [".claude/.session-state.json", "src/a.ts"])).toEqual({ ".claude/.session-state.json": true, "src/a.ts": false });

    const main = repoWithFiles();
    const worktree = path.join(makeTempDir(), "wt");
    main.git("worktree", "add", "-q", worktree);
    const linked = { root: worktree, git: (...args: string[]) => execFileSync("git", args, { cwd: worktree, env: testEnv(), encoding: "utf8" }) } as unknown as TestRepo;
    expect(await answers(linked, [...UNTRACKED, ...TRACKED])).toEqual({ ...all(UNTRACKED, true), ...all(TRACKED, false) });
  });
});
