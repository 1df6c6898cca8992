import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, repoWithFile } from "@handoff/test-utils";
import { MAX_NESTING_DEPTH } from "../../src/parse/json-extent.js";
import { MAX_STATE_BYTES, parseState } from "../../src/parse/parse.js";
import { renderPrompt } from "../../src/prompt/prompt.js";
import { renderRestoreView } from "../../src/views/restore-view.js";
import { stringifyState } from "../../src/parse/stringify.js";
import { loadSession } from "../../src/workflows/load-session.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { readStateFile } from "../../src/store/read-state.js";
import { CLAUDE_FILE, handoffError, minimalState } from "./helpers.js";

afterAll(cleanupTempDirs);

const repoWithStateText = (text: string) => repoWithFile(CLAUDE_FILE, text);

/** A valid state padded past the size limit with a field another tool might have written. */
function oversizedState(): string {
  return stringifyState({ ...minimalState(), notes: "n".repeat(MAX_STATE_BYTES) });
}

function nested(depth: number): string {
  const state = JSON.stringify(minimalState());
  return `${state.slice(0, -1)},"deep":${"[".repeat(depth)}${"]".repeat(depth)}}`;
}

describe("a state file over 5 MB", () => {
  it("is refused with its size, the limit and a fix, by parse and by read", async () => {
    const text = oversizedState();
    expect(() => parseState(text, "big.json")).toThrow(/^big\.json is \d+ bytes, over the 5242880-byte limit$/);
    const { repo, file } = repoWithStateText(text);
    const error = await handoffError(() => loadSession({ cwd: repo.root, agent: "claude" }), "E_STATE_TOO_LARGE");
    expect(error.message).toContain(file);
    expect(error.hint).toMatch(/handoff save/);
  });

  it("is moved aside whole by save, which writes a fresh state", async () => {
    const text = oversizedState();
    const { repo, file } = repoWithStateText(text);
    const saved = await saveSession({ cwd: repo.root, agent: "claude" });
    expect(readFileSync(saved.backup!, "utf8")).toBe(text);
    expect(readStateFile(file)?.state.version).toBe("2.0");
  });
});

describe("a state nested absurdly deep", () => {
  it(`is refused past ${MAX_NESTING_DEPTH} levels with a position, instead of overflowing the stack`, async () => {
    const { repo, file } = repoWithStateText(nested(200_000));
    const error = await handoffError(() => loadSession({ cwd: repo.root, agent: "claude" }), "E_STATE_TOO_LARGE");
    expect(error.message).toMatch(new RegExp(`:1:\\d+: nested deeper than ${MAX_NESTING_DEPTH} levels$`));
    const saved = await saveSession({ cwd: repo.root, agent: "claude" });
    expect(saved.backup).toBeDefined();
    expect(readStateFile(file)?.state.version).toBe("2.0");
  });

  it("is accepted up to the limit", () => {
    const { state } = parseState(nested(MAX_NESTING_DEPTH - 1));
    expect(parseState(stringifyState(state)).state).toEqual(state);
    expect(() => parseState(nested(MAX_NESTING_DEPTH))).toThrow(/nested deeper/);
  });
});

describe("a state listing 100,000 files", () => {
  it("loads, renders and refreshes without a crash", async () => {
    const files = Array.from({ length: 100_000 }, (_, i) => `src/f${i}.ts`);
    const text = stringifyState(
      minimalState({
        git: { branch: "main", uncommitted_changes: true, staged_files: files, last_commit: "abc1234" },
        context: { files_modified: files, next_steps: ["review"] },
      }),
    );
    expect(text.length).toBeLessThan(MAX_STATE_BYTES);
    const { repo, file } = repoWithStateText(text);
    writeFileSync(file, text);
    const loaded = await loadSession({ cwd: repo.root, agent: "claude" });
    expect(loaded.freshness).toBe("refreshed");
    expect(loaded.state.context?.files_modified).toHaveLength(100_000);
    expect(renderRestoreView(loaded.state)).toContain("Modified files: 100000");
    expect(renderPrompt(loaded.state).length).toBeGreaterThan(0);
    // The refresh recomputed the git part from the repository: the 100,000 staged files are gone.
    expect(readStateFile(file)?.state.git.staged_files).toEqual([]);
  });
});
