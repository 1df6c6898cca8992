import { mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { MAX_STATE_BYTES } from "../../src/parse/limits.js";
import { renderPrompt } from "../../src/prompt/prompt.js";
import { renderRestoreView } from "../../src/views/restore-view.js";
import { quickParseState } from "../../src/parse/quick-parse.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { readStateFile } from "../../src/store/read-state.js";
import { CLAUDE_FILE } from "../reliability/helpers.js";

afterAll(cleanupTempDirs);

/**
 * `count` files with ~420-byte paths: the shape of "200k untracked files" (a state over the 5 MiB
 * read limit) with long names instead of many, so that the test stays quick.
 */
function manyFiles(root: string, count: number): void {
  const folder = path.join(root, "d".repeat(200));
  mkdirSync(folder);
  for (let i = 0; i < count; i++) writeFileSync(path.join(folder, `${String(i).padStart(6, "0")}${"f".repeat(210)}`), "");
}

describe("a state larger than handoff will read", () => {
  it("thousands of staged and untracked files: the state keeps the first names and counts, and stays readable", { timeout: 120_000 }, async () => {
    const repo = createRepo();
    manyFiles(repo.root, 7000);
    repo.git("add", "-A");
    writeFileSync(path.join(repo.root, "untracked.txt"), "x");
    // Uncapped, staged_files and files_created alone would be over 5.8 MB.
    const result = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "big" } });
    const file = path.join(repo.root, CLAUDE_FILE);
    expect(statSync(file).size).toBeLessThan(MAX_STATE_BYTES);

    const state = readStateFile(file)!.state;
    expect(quickParseState(JSON.stringify(state))).toEqual(state);
    expect(state.git.staged_files.length).toBeGreaterThan(100);
    expect(state.git.staged_files.length + state.git.staged_files_omitted!).toBe(7000);
    const created = state.context!.files_created!;
    expect(created.length + state.context!.files_created_omitted!).toBe(7001);
    expect(result.state).toEqual(state);

    const view = renderRestoreView(state);
    expect(view).toContain(`… and ${7001 - 50} more`);
    const prompt = renderPrompt(state);
    expect(prompt).toContain(`- … and ${state.context!.files_created_omitted} more (see \`git status\`)`);
  });

  it("a small repository's lists are whole, with no count fields", async () => {
    const repo = createRepo();
    repo.write({ "a.ts": "a\n" });
    repo.git("add", "a.ts");
    const { state } = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "small" } });
    expect(state.git.staged_files).toEqual(["a.ts"]);
    expect(state.git).not.toHaveProperty("staged_files_omitted");
    expect(state.context).not.toHaveProperty("files_created_omitted");
  });
});
