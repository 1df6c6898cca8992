import { symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { changedFiles } from "../../src/rules/commit-files.js";
import { compileRules } from "../../src/rules/compile.js";
import { checkBlobs, checkWorkingFiles } from "../../src/rules/run-rules.js";
import { readBlobFiles } from "../../src/rules/read-blobs.js";

afterAll(cleanupTempDirs);

const rules = compileRules([
  { id: "no-todo", severity: "STRICT", files: "**/*", forbid: "TODO", message: "no TODO left behind" },
]);

function files(report: { violations: { file: string; line: number }[] }): string[] {
  return report.violations.map((v) => `${v.file}:${v.line}`);
}

describe("checkWorkingFiles: tracked and staged files", () => {
  it("checks a staged file as staged, other tracked files as on disk, and leaves untracked files out", async () => {
    const repo = createRepo();
    repo.commit("base", { "staged.ts": "ok\n", "edited.ts": "ok\n", "clean.ts": "ok\n", "deleted.ts": "TODO\n" });
    repo.write({ "staged.ts": "TODO staged\n" });
    repo.git("add", "staged.ts");
    repo.write({ "staged.ts": "fixed on disk but not staged\n" }); // the staged version is what counts
    repo.write({ "edited.ts": "ok\nTODO on disk\n" }); // not staged: the disk version counts
    repo.write({ "untracked.ts": "TODO\n" });
    unlinkSync(path.join(repo.root, "deleted.ts"));
    repo.write({ "new.ts": "\n\nTODO new\n" });
    repo.git("add", "new.ts");
    const report = await checkWorkingFiles(repo.root, rules, { hasHead: true });
    expect(files(report)).toEqual(["edited.ts:2", "new.ts:3", "staged.ts:1"]);
  });

  it("works in a repository with no commits yet", async () => {
    const repo = createRepo({ initialCommit: false });
    repo.write({ "a.ts": "TODO\n", "b.ts": "fine\n" });
    repo.git("add", "a.ts", "b.ts");
    expect(files(await checkWorkingFiles(repo.root, rules, { hasHead: false }))).toEqual(["a.ts:1"]);
  });

  it("keeps odd file names intact and skips symlinks, binaries and large files", async () => {
    const repo = createRepo();
    const odd = "dir with space/ünï\ncode \"q\".ts";
    repo.write({ [odd]: "TODO\n", "target.ts": "fine\n", "big.ts": `TODO\n${"x".repeat(2000)}\n` });
    writeFileSync(path.join(repo.root, "bin.dat"), Buffer.from([0x54, 0x4f, 0x44, 0x4f, 0, 1]));
    symlinkSync("target.ts", path.join(repo.root, "link.ts"));
    repo.git("add", "-A");
    const report = await checkWorkingFiles(repo.root, rules, { hasHead: true, maxBytes: 1000 });
    expect(files(report)).toEqual([`${odd}:1`]);
    expect(report.skipped.map((s) => [s.path, s.reason]).sort()).toEqual([
      ["big.ts", "too-large"],
      ["bin.dat", "binary"],
    ]);
  });

  it("reads nothing when no rule applies", async () => {
    const repo = createRepo();
    repo.commit("x", { "a.md": "TODO\n" });
    const scoped = compileRules([{ id: "ts-only", severity: "STRICT", files: "src/**/*.ts", forbid: "TODO", message: "m" }]);
    const report = await checkWorkingFiles(repo.root, scoped, { hasHead: true });
    expect(report).toEqual({ violations: [], checkedFiles: 0, skipped: [], unchecked: [] });
  });
});

describe("changedFiles and checkBlobs: files as they are in a commit", () => {
  it("lists added and modified files at the tip, never deleted ones", async () => {
    const repo = createRepo();
    const base = repo.commit("base", { "keep.ts": "ok\n", "gone.ts": "TODO\n", "mod.ts": "ok\n" });
    repo.git("rm", "-q", "gone.ts");
    const tip = repo.commit("tip", { "mod.ts": "TODO mod\n", "add.ts": "TODO add\n" });
    repo.write({ "mod.ts": "changed on disk afterwards\n" });
    const changed = await changedFiles(repo.root, base, tip);
    expect(changed.map((entry) => entry.path).sort()).toEqual(["add.ts", "mod.ts"]);
    const report = await checkBlobs(repo.root, changed, rules);
    expect(files(report)).toEqual(["add.ts:1", "mod.ts:1"]);
  });

  it("lists every file of the tip when there is no base", async () => {
    const repo = createRepo();
    const tip = repo.commit("more", { "src/a.ts": "x\n" });
    expect((await changedFiles(repo.root, undefined, tip)).map((e) => e.path).sort()).toEqual(["README.md", "src/a.ts"]);
    expect((await changedFiles(repo.root, undefined, tip, { wanted: (p) => p.endsWith(".ts") })).map((e) => e.path)).toEqual(["src/a.ts"]);
  });

  it("refuses anything but a full object id as a revision", async () => {
    const repo = createRepo();
    await expect(changedFiles(repo.root, "--output=/tmp/x", repo.head())).rejects.toThrow(/not a full git object id/);
  });

  it("reads blobs in size-bounded batches, the same blob once for every path", async () => {
    const repo = createRepo();
    const tip = repo.commit("many", {
      "a.ts": "TODO a\n",
      "b.ts": "TODO b\n",
      "copy-of-a.ts": "TODO a\n",
      "c.ts": "clean\n",
    });
    const entries = await changedFiles(repo.root, undefined, tip, { wanted: (p) => p.endsWith(".ts") });
    const batches = [];
    for await (const batch of readBlobFiles(repo.root, entries, { maxBytes: 1000, batchBytes: 8 })) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    const read = batches.flatMap((batch) => batch.files.map((file) => `${file.path}=${file.content.toString().trim()}`));
    expect(read.sort()).toEqual(["a.ts=TODO a", "b.ts=TODO b", "c.ts=clean", "copy-of-a.ts=TODO a"]);
  });
});
