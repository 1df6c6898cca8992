import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, testEnv, type TestRepo } from "@handoff/test-utils";
import { indexPathsAt } from "../src/git/index-paths.js";
import { resolveWithGit } from "../src/git/repo.js";

afterAll(cleanupTempDirs);

function lsFiles(repo: TestRepo, file: string): string[] {
  return repo.git("--literal-pathspecs", "ls-files", "-z", "--cached", "--", file).split("\0").filter(Boolean);
}

/** The index reader's answer must be `git ls-files`'s, for every path asked. */
async function expectSameAsGit(repo: TestRepo, files: string[]) {
  const paths = await resolveWithGit(repo.root);
  for (const file of files) expect(indexPathsAt(paths, file), file).toEqual(lsFiles(repo, file));
}

const ASKED = [".claude/.session-state.json", ".claude", "README.md", "src", "src/a.ts", "sr", "src/a", "missing/file.json", "a b/ü.txt"];

describe("indexPathsAt reads what git ls-files --cached prints", () => {
  it("in index versions 2, 3 (an intent-to-add entry) and 4 (paths stored as changes)", async () => {
    const repo = createRepo();
    repo.commit("files", {
      ".claude/.session-state.json": "{}\n",
      "README.md": "# r\n",
      "src/a.ts": "a\n",
      "src/ab.ts": "ab\n",
      "src/a/b.ts": "b\n",
      "sr": "x\n",
      "a b/ü.txt": "u\n",
    });
    await expectSameAsGit(repo, ASKED);
    repo.write({ "new/intent.ts": "i\n" });
    repo.git("add", "-N", "new/intent.ts");
    await expectSameAsGit(repo, [...ASKED, "new", "new/intent.ts"]);
    repo.git("update-index", "--index-version", "4");
    await expectSameAsGit(repo, [...ASKED, "new", "new/intent.ts"]);
    expect(indexPathsAt(await resolveWithGit(repo.root), ".claude/.session-state.json")).toEqual([".claude/.session-state.json"]);
  });

  it("with an unmerged path (one entry per stage) and a submodule", async () => {
    const repo = createRepo();
    repo.commit("base", { "c.txt": "base\n" });
    repo.git("switch", "-q", "-c", "other");
    repo.commit("other", { "c.txt": "other\n" });
    repo.git("switch", "-q", "main");
    repo.commit("main", { "c.txt": "main\n" });
    expect(() => repo.git("merge", "-q", "other")).toThrow();
    await expectSameAsGit(repo, ["c.txt", "c", ...ASKED]);

    const inner = createRepo();
    const outer = createRepo();
    execFileSync("git", ["-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.root, "sub"], { cwd: outer.root, env: testEnv(), stdio: "ignore" });
    await expectSameAsGit(outer, ["sub", "sub/x", ".gitmodules", ...ASKED]);
  });

  it("with a path longer than the 12 bits of an entry's name length", async () => {
    const repo = createRepo();
    // Longer than the file system takes in one path: staged straight into the index.
    const long = `${Array.from({ length: 21 }, (_, index) => `${"d".repeat(200)}${index}`).join("/")}/f.txt`;
    expect(long.length).toBeGreaterThan(0xfff);
    const blob = repo.git("hash-object", "-w", "--stdin").trim();
    repo.git("update-index", "--add", "--cacheinfo", `100644,${blob},${long}`);
    await expectSameAsGit(repo, [long, long.slice(0, 201), ...ASKED]);
  });

  it("in a SHA-256 repository, and with no index file at all", async () => {
    const root = makeTempDir();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, env: testEnv(), encoding: "utf8" });
    git("init", "-q", "--object-format=sha256", "-b", "main");
    writeFileSync(path.join(root, "README.md"), "r\n");
    mkdirSync(path.join(root, ".claude"));
    writeFileSync(path.join(root, ".claude/.session-state.json"), "{}\n");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "sha256");
    const repo = { root, git } as unknown as TestRepo;
    await expectSameAsGit(repo, ASKED);
    rmSync(path.join(root, ".git/index"));
    await expectSameAsGit(repo, ASKED);
  });
});

describe("indexPathsAt leaves to git what it does not fully understand", () => {
  it("a split index, a sparse index, an unborn HEAD and a damaged index", async () => {
    const split = createRepo();
    split.commit("files", { "README.md": "r\n", "src/a.ts": "a\n" });
    split.git("update-index", "--split-index");
    expect(indexPathsAt(await resolveWithGit(split.root), "README.md")).toBeUndefined();

    const sparse = createRepo();
    sparse.commit("files", { "README.md": "r\n", "src/a.ts": "a\n", "docs/b.md": "b\n" });
    sparse.git("sparse-checkout", "init", "--cone", "--sparse-index");
    sparse.git("sparse-checkout", "set", "docs");
    expect(indexPathsAt(await resolveWithGit(sparse.root), "src/a.ts")).toBeUndefined();

    const unborn = createRepo({ initialCommit: false });
    unborn.write({ "a.txt": "a\n" });
    unborn.git("add", "a.txt");
    expect(indexPathsAt(await resolveWithGit(unborn.root), "a.txt")).toBeUndefined();

    const damaged = createRepo();
    damaged.commit("files", { "README.md": "r\n" });
    const paths = await resolveWithGit(damaged.root);
    writeFileSync(path.join(paths.gitDir, "index"), "DIRC\0\0\0\x02\0\0\0\x05short");
    expect(indexPathsAt(paths, "README.md")).toBeUndefined();
    writeFileSync(path.join(paths.gitDir, "index"), "not an index at all");
    expect(indexPathsAt(paths, "README.md")).toBeUndefined();
  });
});
