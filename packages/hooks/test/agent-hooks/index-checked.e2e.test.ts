import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { eventually, gitWith } from "../e2e-helpers.js";
import { handoff, readJson, repoWithHandoff, runAsAgent, savesSettled, write } from "./helpers.js";

afterAll(async () => {
  await savesSettled();
  cleanupTempDirs();
});

const CHECKED = ".git/handoff/index-checked";
const sameFile = (root: string, a: string, b: string) => {
  const [first, second] = [a, b].map((file) => statSync(path.join(root, file), { throwIfNoEntry: false }));
  return first !== undefined && second !== undefined && first.ino === second.ino && first.dev === second.dev;
};
const command = (root: string, event: string) => readJson(root, ".claude/settings.json").hooks[event][0].hooks[0].command as string;

/** Runs Claude's SessionStart hook with git tracing on: the git commands the hook's shell ran. */
function sessionStart(root: string, env: Record<string, string> = {}) {
  const trace = path.join(makeTempDir("handoff-trace-"), "trace");
  writeFileSync(trace, "");
  const run = runAsAgent(root, command(root, "SessionStart"), { stdin: JSON.stringify({ session_id: "s", cwd: root, hook_event_name: "SessionStart", source: "startup" }), env: { GIT_TRACE: trace, ...env } });
  expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
  return readFileSync(trace, "utf8").split("\n").filter((line) => line.includes("ls-files"));
}

/** A commit, with the git hooks the install wrote told to stand aside (their refresh is not the subject). */
function commit(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) write(root, file, text);
  expect(gitWith(root, {}, "add", "--", ...Object.keys(files)).code).toBe(0);
  expect(gitWith(root, { HANDOFF_SKIP: "1" }, "commit", "-q", "-m", "work").code).toBe(0);
}

/** When handoff last ran Claude's session start (it stamps a file of its own), or undefined. */
const fired = (root: string) => statSync(path.join(root, ".git/handoff/agent-hooks-fired/claude.session-start"), { throwIfNoEntry: false })?.mtimeMs;

describe("the agent hooks' guard remembers the index git tracked nothing under node_modules in", () => {
  it("asks git only when the index is not the one remembered, and never runs a handoff a commit then tracked", async () => {
    const { root } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    expect(sameFile(root, ".git/index", CHECKED)).toBe(true);

    expect(sessionStart(root)).toEqual([]);
    expect(fired(root)).toBeDefined();

    // An index replaced since (a commit of an ordinary file): git is asked, and the save worker
    // remembers the new index after the turn.
    commit(root, { "notes.md": "notes\n" });
    expect(sameFile(root, ".git/index", CHECKED)).toBe(false);
    expect(sessionStart(root)).toEqual([expect.stringContaining("node_modules")]);
    runAsAgent(root, command(root, "Stop"), { stdin: "{}" });
    await eventually(() => expect(sameFile(root, ".git/index", CHECKED)).toBe(true));
    await savesSettled();
    expect(sessionStart(root)).toEqual([]);

    // A branch that tracks the very program the hook runs: the index changed, git is asked, and refuses.
    expect(gitWith(root, {}, "add", "-f", "node_modules/.bin/handoff").code).toBe(0);
    expect(gitWith(root, { HANDOFF_SKIP: "1" }, "commit", "-q", "-m", "vendor a bin").code).toBe(0);
    const firedBefore = fired(root);
    const stop = runAsAgent(root, command(root, "Stop"), { stdin: "{}" });
    expect(stop).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(sessionStart(root)).toEqual([expect.stringContaining("node_modules")]);
    expect(fired(root)).toBe(firedBefore);
    expect(existsSync(path.join(root, ".git/handoff/agent-saves/claude.json"))).toBe(false);
  });

  it("counts NODE_MODULES/... as node_modules (one folder on a case-insensitive file system)", () => {
    const { root } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    commit(root, { "NODE_MODULES/.bin/handoff": "#!/bin/sh\n" });
    expect(sessionStart(root)).toEqual([expect.stringContaining("node_modules")]);
    expect(fired(root)).toBeUndefined();
  });

  it("asks git about the index GIT_INDEX_FILE names, whatever it remembers for .git/index", () => {
    const { repo, root } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    expect(sameFile(root, ".git/index", CHECKED)).toBe(true);
    const other = path.join(makeTempDir("handoff-index-"), "index");
    copyFileSync(path.join(root, ".git/index"), other);
    expect(gitWith(root, { GIT_INDEX_FILE: other }, "add", "-f", "node_modules/.bin/handoff").code).toBe(0);

    expect(sessionStart(root, { GIT_INDEX_FILE: other })).toEqual([expect.stringContaining("node_modules")]);
    expect(fired(root)).toBeUndefined();
    expect(repo.git("ls-files", "node_modules").trim()).toBe("");
  });

  it("hooks install asks git afresh, even about the index it remembers (rewritten in place by another tool)", () => {
    const { root } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    // What a tool that writes the index in place leaves: the same file, now tracking node_modules.
    const other = path.join(makeTempDir("handoff-index-"), "index");
    copyFileSync(path.join(root, ".git/index"), other);
    expect(gitWith(root, { GIT_INDEX_FILE: other }, "add", "-f", "node_modules/.bin/handoff").code).toBe(0);
    writeFileSync(path.join(root, ".git/index"), readFileSync(other));
    expect(sameFile(root, ".git/index", CHECKED)).toBe(true);

    handoff(root, ["hooks", "install", "--agents", "claude"]);
    expect(existsSync(path.join(root, CHECKED))).toBe(false);
    expect(sessionStart(root)).toEqual([expect.stringContaining("node_modules")]);
    expect(fired(root)).toBeUndefined();
  });

  it("is forgotten by hooks uninstall", () => {
    const { root } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    expect(existsSync(path.join(root, CHECKED))).toBe(true);
    handoff(root, ["hooks", "uninstall", "--agents", "claude"]);
    expect(existsSync(path.join(root, CHECKED))).toBe(false);
  });
});
