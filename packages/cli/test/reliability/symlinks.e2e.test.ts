import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";
import { CLAUDE_FILE } from "./helpers.js";

afterAll(cleanupTempDirs);

const SPEC_EXAMPLE = readFileSync(new URL("../../../core/test/fixtures/spec-example-state.json", import.meta.url));

/** A folder outside the repository holding a state file of another task, which must never change. */
function outside() {
  const folder = makeTempDir("handoff-outside-");
  const file = path.join(folder, ".session-state.json");
  writeFileSync(file, SPEC_EXAMPLE);
  return {
    folder,
    file,
    expectUntouched() {
      expect(readFileSync(file).equals(SPEC_EXAMPLE)).toBe(true);
      expect(readdirSync(folder)).toEqual([".session-state.json"]);
    },
  };
}

describe("symbolic links on the state file's path", () => {
  it("save refuses a state file that links outside the repository: exit 1, clear error, target untouched", () => {
    const repo = createRepo();
    const elsewhere = outside();
    mkdirSync(path.join(repo.root, ".claude"));
    symlinkSync(elsewhere.file, path.join(repo.root, CLAUDE_FILE));
    const result = runHandoff(repo.root, ["save", "claude", "--task", "mine"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`❌ ${path.join(repo.root, CLAUDE_FILE)} is a symbolic link; handoff never writes through one`);
    expect(result.stderr).toContain("replace the link with a real file or folder");
    elsewhere.expectUntouched();
  });

  it("save refuses a state folder that is a link (.claude -> elsewhere)", () => {
    const repo = createRepo();
    const elsewhere = outside();
    symlinkSync(elsewhere.folder, path.join(repo.root, ".claude"));
    const result = runHandoff(repo.root, ["save", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(repo.root, ".claude")} is a symbolic link`);
    elsewhere.expectUntouched();
  });

  it("restore through a linked folder does not write back its refresh", () => {
    const repo = createRepo();
    const elsewhere = outside();
    symlinkSync(elsewhere.folder, path.join(repo.root, ".claude"));
    const result = runHandoff(repo.root, ["restore", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is a symbolic link");
    elsewhere.expectUntouched();
  });

  it("switch into an agent whose folder is a link neither writes there nor moves the other task aside", () => {
    const repo = createRepo();
    const elsewhere = outside();
    symlinkSync(elsewhere.folder, path.join(repo.root, ".opencode"));
    expect(runHandoff(repo.root, ["save", "claude", "--task", "a different task"]).code).toBe(0);
    const result = runHandoff(repo.root, ["switch", "claude", "opencode"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(repo.root, ".opencode")} is a symbolic link`);
    elsewhere.expectUntouched();
  });

  it("a file where the agent's folder should be is a clear error, and the file is kept", () => {
    const repo = createRepo();
    repo.write({ ".claude": "notes\n" });
    const result = runHandoff(repo.root, ["save", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(repo.root, ".claude")} is a file, but handoff keeps a state file inside a folder of that name`);
    expect(readFileSync(path.join(repo.root, ".claude"), "utf8")).toBe("notes\n");
  });
});
