import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, runHandoff } from "@handoff/test-utils";
import { CLAUDE_FILE, RAW_CONTROL } from "./helpers.js";

afterAll(cleanupTempDirs);

const TITLE_CHANGE = "\u001b]0;pwned\u0007";
const ESCAPED_TITLE_CHANGE = "\\x1b]0;pwned\\x07";

const ODD_FILES = [
  "with space.ts",
  'double"quote.ts',
  "single'quote.ts",
  "back\\slash.ts",
  "new\nline.ts",
  "--force",
  "-rf",
  "ünïcödé/日本語.ts",
];

const ODD_TEXT = [
  'say "hi" and \'bye\'',
  "C:\\path\\to\\file",
  "line one\nline two",
  "--not-an-option",
  "-rf",
  "ünïcödé 日本語 🚀",
];

describe("odd names round-trip exactly through save and restore --json", () => {
  it("file names with spaces, quotes, backslashes, newlines, leading dashes and non-ASCII", () => {
    const repo = createRepo();
    repo.write(Object.fromEntries(ODD_FILES.map((file) => [file, "x\n"])));
    repo.git("add", "--", ...ODD_FILES.slice(0, 4));
    const saved = runHandoff(repo.root, ["save", "claude", "--json"]);
    expect(saved.code).toBe(0);
    const state = JSON.parse(saved.stdout);
    expect([...state.context.files_created].sort()).toEqual([...ODD_FILES].sort());
    expect([...state.git.staged_files].sort()).toEqual(ODD_FILES.slice(0, 4).sort());
    const restored = runHandoff(repo.root, ["restore", "claude", "--json"]);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toEqual(state);
  });

  it("task, next steps, provider and reason given on the command line", () => {
    const repo = createRepo();
    const [task, ...steps] = ODD_TEXT;
    const args = ["save", "claude", "--json", `--task=${task}`, ...steps.map((step) => `--next=${step}`), "--provider=-p", `--reason=${ODD_TEXT[2]}`];
    const saved = runHandoff(repo.root, args);
    expect(saved.code).toBe(0);
    const restored = JSON.parse(runHandoff(repo.root, ["restore", "claude", "--json"]).stdout);
    expect(restored.task.description).toBe(task);
    expect(restored.context.next_steps).toEqual(steps);
    expect(restored.provider).toBe("-p");
    expect(restored.handoff.reason).toBe(ODD_TEXT[2]);
    expect(restored).toEqual(JSON.parse(saved.stdout));
  });

  it.each([`feat/"quoted"`, "feat/it's-ünïcödé-日本", "feat/$(id);rm&|x", "-x"])("the branch %j", (branch) => {
    const repo = createRepo();
    repo.git("update-ref", `refs/heads/${branch}`, "HEAD");
    repo.git("symbolic-ref", "HEAD", `refs/heads/${branch}`);
    expect(runHandoff(repo.root, ["save", "claude"]).code).toBe(0);
    const restored = runHandoff(repo.root, ["restore", "claude", "--json"]);
    expect(JSON.parse(restored.stdout).git.branch).toBe(branch);
    expect(runHandoff(repo.root, ["status"]).stdout).toContain(branch);
  });
});

describe("terminal control sequences are printed escaped", () => {
  it("in a commit subject, a task, a file name and a hand-edited last commit", () => {
    const repo = createRepo();
    repo.commit(`fix: title ${TITLE_CHANGE} #12`);
    repo.write({ [`evil${TITLE_CHANGE}.ts`]: "x\n" });
    expect(runHandoff(repo.root, ["save", "claude", `--task=rename ${TITLE_CHANGE}`]).code).toBe(0);
    const outputs = {
      restore: runHandoff(repo.root, ["restore", "claude"]),
      prompt: runHandoff(repo.root, ["restore", "claude", "--prompt"]),
      status: runHandoff(repo.root, ["status"]),
      switch: runHandoff(repo.root, ["switch", "claude", "opencode"]),
    };
    for (const [command, result] of Object.entries(outputs)) {
      expect({ command, code: result.code }).toEqual({ command, code: 0 });
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
    }
    expect(outputs.restore.stdout).toContain(`🎯 Task: rename ${ESCAPED_TITLE_CHANGE}`);
    expect(outputs.restore.stdout).toContain(`evil${ESCAPED_TITLE_CHANGE}.ts`);
    expect(outputs.status.stdout).toContain(`rename ${ESCAPED_TITLE_CHANGE}`);
    // --json is data, not terminal text: JSON itself escapes control characters.
    const json = runHandoff(repo.root, ["restore", "claude", "--json"]);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout).task.description).toBe(`rename ${TITLE_CHANGE}`);

    const file = path.join(repo.root, CLAUDE_FILE);
    const state = JSON.parse(json.stdout);
    writeFileSync(file, JSON.stringify({ ...state, git: { ...state.git, last_commit: `abc${TITLE_CHANGE}` } }));
    const edited = runHandoff(repo.root, ["restore", "claude"]);
    expect(edited.stdout).not.toMatch(RAW_CONTROL);
    expect(edited.stdout).toContain(`abc${ESCAPED_TITLE_CHANGE}`);
  });

  it("without skewing the status table's columns", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude", "--provider", `evil${TITLE_CHANGE}`]).code).toBe(0);
    expect(runHandoff(repo.root, ["save", "codex", "--provider", "openai"]).code).toBe(0);
    const branch = JSON.parse(runHandoff(repo.root, ["restore", "claude", "--json"]).stdout).git.branch as string;
    const [header, ...rows] = runHandoff(repo.root, ["status"]).stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.indexOf(` ${branch} `) + 1).toBe(header!.indexOf("BRANCH"));
  });

  it("in the error shown for a broken state file", () => {
    const repo = createRepo();
    repo.write({ [CLAUDE_FILE]: `{"version": "2.0", "task": tru${TITLE_CHANGE}e}` });
    for (const args of [["restore", "claude"], ["status"]]) {
      const result = runHandoff(repo.root, args);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
      expect(result.stdout + result.stderr).toContain("not valid JSON");
    }
  });
});
