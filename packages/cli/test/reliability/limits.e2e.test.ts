import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, runHandoff } from "@handoff/test-utils";
import { CLAUDE_FILE, startHandoff, stateOf } from "./helpers.js";

afterAll(cleanupTempDirs);

const BASE = {
  version: "2.0",
  timestamp: "2026-01-05T12:30:00Z",
  agent: "claude",
  git: { branch: "main", uncommitted_changes: false, staged_files: [] as string[], last_commit: "abc1234" },
};

function repoWithState(text: string) {
  const repo = createRepo();
  repo.write({ [CLAUDE_FILE]: "" });
  const file = path.join(repo.root, CLAUDE_FILE);
  writeFileSync(file, text);
  return { repo, file };
}

describe("a state file over 5 MB", () => {
  const text = JSON.stringify({ ...BASE, notes: "n".repeat(5 * 1024 * 1024) });

  it("restore and status refuse it with its size and the limit, exit 1, and leave it alone", () => {
    const { repo, file } = repoWithState(text);
    const restored = runHandoff(repo.root, ["restore", "claude"]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toContain(`${file} is ${text.length} bytes, over the 5242880-byte limit`);
    expect(restored.stderr).toContain("handoff save <agent>");
    expect(runHandoff(repo.root, ["status"]).code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("save moves it aside whole and writes a fresh state", () => {
    const { repo, file } = repoWithState(text);
    const saved = runHandoff(repo.root, ["save", "claude"]);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain("its bytes were moved to");
    const backup = readdirSync(path.dirname(file)).find((name) => name.includes(".corrupt-"))!;
    expect(readFileSync(path.join(path.dirname(file), backup), "utf8")).toBe(text);
    expect(stateOf(repo.root).version).toBe("2.0");
  });
});

describe("a state file listing 100,000 files", () => {
  it("restores with the count and a cut list, and save replaces them with what git sees", async () => {
    const files = Array.from({ length: 100_000 }, (_, i) => `src/module-${i}.ts`);
    const text = JSON.stringify({ ...BASE, git: { ...BASE.git, staged_files: files }, context: { files_modified: files } });
    const { repo } = repoWithState(text);
    // Several megabytes of output: started asynchronously, as spawnSync would cap the buffer.
    const restored = await startHandoff(repo.root, ["restore", "claude"]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("📁 Modified files: 100000");
    expect(restored.stdout).toContain("  … and 99950 more");
    expect(restored.stdout).not.toContain("src/module-99999.ts");
    expect(runHandoff(repo.root, ["status"]).code).toBe(0);
    expect((await startHandoff(repo.root, ["restore", "claude", "--prompt"])).code).toBe(0);
    const saved = runHandoff(repo.root, ["save", "claude", "--json"]);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout).git.staged_files).toEqual([]);
  });
});

describe("a state file nested 100,000 levels deep", () => {
  it("is refused with its position instead of crashing, and save moves it aside", () => {
    const text = `${JSON.stringify(BASE).slice(0, -1)},"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const { repo, file } = repoWithState(text);
    const restored = runHandoff(repo.root, ["restore", "claude"]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toMatch(/:1:\d+: nested deeper than 100 levels/);
    expect(restored.stderr).not.toContain("unexpectedly");
    const saved = runHandoff(repo.root, ["save", "claude"]);
    expect(saved.code).toBe(0);
    expect(readFileSync(file, "utf8")).not.toBe(text);
  });
});
