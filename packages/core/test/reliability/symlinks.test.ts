import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir } from "@handoff/test-utils";
import { getAgent } from "../../src/agents/registry.js";
import { stringifyState } from "../../src/parse/stringify.js";
import { writeHandOver } from "../../src/workflows/write-hand-over.js";
import { loadSession } from "../../src/workflows/load-session.js";
import { openRepo } from "../../src/workflows/open-repo.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { refreshExistingStateFile } from "../../src/store/state-file.js";
import { bytes, CLAUDE_FILE, handoffError, minimalState } from "./helpers.js";

afterAll(cleanupTempDirs);

/** A folder outside the repository with a file that must never change. */
function outsideFolder() {
  const folder = makeTempDir("handoff-outside-");
  const file = path.join(folder, ".session-state.json");
  writeFileSync(file, stringifyState(minimalState({ task: { description: "someone else's" } })));
  return { folder, file, before: bytes(file), names: readdirSync(folder) };
}

function expectUntouched(outside: ReturnType<typeof outsideFolder>): void {
  expect(bytes(outside.file).equals(outside.before)).toBe(true);
  expect(readdirSync(outside.folder)).toEqual(outside.names);
}

describe("symbolic links on the state file's path", () => {
  it("a state file that is a link to a file outside the repository is never written through", async () => {
    const repo = createRepo();
    const outside = outsideFolder();
    mkdirSync(path.join(repo.root, ".claude"));
    symlinkSync(outside.file, path.join(repo.root, CLAUDE_FILE));
    const error = await handoffError(() => saveSession({ cwd: repo.root, agent: "claude", input: { task: "mine" } }), "E_SYMLINK");
    expect(error.message).toContain(path.join(repo.root, CLAUDE_FILE));
    expect(error.hint).toMatch(/replace the link/);
    expectUntouched(outside);
  });

  it("a folder on the path that is a link (.claude -> elsewhere) is never written through", async () => {
    const repo = createRepo();
    const outside = outsideFolder();
    symlinkSync(outside.folder, path.join(repo.root, ".claude"));
    const error = await handoffError(() => saveSession({ cwd: repo.root, agent: "claude" }), "E_SYMLINK");
    expect(error.message).toContain(path.join(repo.root, ".claude"));
    expectUntouched(outside);
  });

  it("a refresh (what a hook or a stale restore does) refuses the link too", async () => {
    const repo = createRepo();
    const outside = outsideFolder();
    symlinkSync(outside.folder, path.join(repo.root, ".claude"));
    await handoffError(() => refreshExistingStateFile(repo.root, { file: CLAUDE_FILE }, (state) => ({ ...state, agent: "x" })), "E_SYMLINK");
    // The outside file has no freshness record, so restore would refresh it: it must refuse instead.
    await handoffError(() => loadSession({ cwd: repo.root, agent: "claude" }), "E_SYMLINK");
    expectUntouched(outside);
  });

  it("a hand-over into a linked folder neither writes nor moves the other task's file aside there", async () => {
    const repo = createRepo();
    const outside = outsideFolder();
    symlinkSync(outside.folder, path.join(repo.root, ".opencode"));
    const opened = await openRepo(repo.root);
    const source = minimalState({ task: { description: "mine" } });
    await handoffError(() => writeHandOver({ opened, source, to: getAgent("opencode", opened.config) }), "E_SYMLINK");
    expectUntouched(outside);
  });

  it("a link that loops is a clear error, not a crash", async () => {
    const repo = createRepo();
    mkdirSync(path.join(repo.root, ".claude"));
    symlinkSync(".session-state.json", path.join(repo.root, CLAUDE_FILE));
    await handoffError(() => loadSession({ cwd: repo.root, agent: "claude" }), "E_SYMLINK");
    await handoffError(() => saveSession({ cwd: repo.root, agent: "claude" }), "E_SYMLINK");
  });

  it("a plain file where the state folder should be is a clear error, and is left alone", async () => {
    const repo = createRepo();
    repo.write({ ".claude": "my notes\n" });
    const error = await handoffError(() => saveSession({ cwd: repo.root, agent: "claude" }), "E_NOT_A_FOLDER");
    expect(error.message).toContain(path.join(repo.root, ".claude"));
    await handoffError(() => loadSession({ cwd: repo.root, agent: "claude" }), "E_STATE_NOT_FOUND");
    expect(bytes(path.join(repo.root, ".claude")).toString()).toBe("my notes\n");
    expect(existsSync(path.join(repo.root, ".claude.lock"))).toBe(false);
  });
});
