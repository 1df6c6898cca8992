import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

describe("handoff -C <path> <command> (git's order)", () => {
  it.each([
    ["-C <path> status", (root: string) => ["-C", root, "status"]],
    ["--cwd <path> status", (root: string) => ["--cwd", root, "status"]],
    ["--cwd=<path> status", (root: string) => [`--cwd=${root}`, "status"]],
    ["-C<path> status", (root: string) => [`-C${root}`, "status"]],
  ])("%s runs status in <path>", (_form, args) => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Over there"]).code).toBe(0);
    const elsewhere = makeTempDir();
    const result = runHandoff(elsewhere, args(repo.root));
    expect(result.stderr).not.toContain("unknown command");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Over there");
  });

  it("works with a command's own options and positionals after it", () => {
    const repo = createRepo();
    mkdirSync(path.join(repo.root, "sub"));
    const result = runHandoff(makeTempDir(), ["-C", path.join(repo.root, "sub"), "save", "claude", "--task", "From a subfolder"]);
    expect(result.code, result.stderr).toBe(0);
    expect(runHandoff(repo.root, ["restore", "claude"]).stdout).toContain("From a subfolder");
  });

  it("-C with no command is still the usage", () => {
    const result = runHandoff(makeTempDir(), ["-C", "somewhere"]);
    expect(result.code).toBe(2);
  });
});

describe("switch <agent> <same agent>", () => {
  it("is bad usage (exit 2), and nothing is written", () => {
    const repo = createRepo();
    const result = runHandoff(repo.root, ["switch", "claude", "claude"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("<from> and <to> are both claude");
    expect(result.stderr).toContain("Usage: handoff switch");
    expect(repo.git("status", "--porcelain", "--ignored")).not.toContain(".claude");
  });
});
