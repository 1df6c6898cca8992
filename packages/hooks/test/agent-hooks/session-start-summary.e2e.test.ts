/**
 * A session start with nothing to hand over answers from the newest-state summary in the git
 * directory (src/agent-hooks/newest-state.ts) instead of reading every state file: these tests hold
 * that it never answers from a summary that is out of date, whoever changed the state files, and
 * that broken or hostile files cost it nothing but the full read.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cleanupTempDirs } from "@handoff/test-utils";
import { CLAUDE, payload } from "./payloads.js";
import { handoff, readJson, repoWithHandoff, runAsAgent, savesSettled, type HookRepo } from "./helpers.js";

afterAll(async () => {
  await savesSettled();
  cleanupTempDirs();
});

const SUMMARY = ".git/handoff/newest-state.json";

describe("the session start's summary of the newest state", () => {
  let setup: HookRepo;
  const claudeStart = () => {
    const command = readJson(setup.root, ".claude/settings.json").hooks.SessionStart[0].hooks[0].command as string;
    return runAsAgent(setup.root, command, { stdin: payload(CLAUDE.sessionStart, { root: setup.root }), home: setup.home });
  };
  const givenContext = () => {
    const run = claudeStart();
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    return run.stdout === "" ? undefined : (JSON.parse(run.stdout).hookSpecificOutput.additionalContext as string);
  };

  beforeEach(() => {
    setup = repoWithHandoff();
    handoff(setup.root, ["hooks", "install", "--agents", "claude,codex"]);
  });

  it("is written by a session start, and a state saved without the hooks (`handoff save`) is still handed over, once", () => {
    handoff(setup.root, ["save", "claude", "--task", "Claude's own work"]);
    expect(givenContext()).toBeUndefined();
    expect(readJson(setup.root, SUMMARY).newest).toMatchObject({ owner: "claude", agent: "claude" });
    expect(givenContext()).toBeUndefined();
    // A start answered from the summary records when it fired (a stamp's mtime), for status and agents.
    const agents = JSON.parse(handoff(setup.root, ["agents", "--json"])) as { name: string; hooks: { fired: Record<string, string> } | null }[];
    const fired = Date.parse(agents.find((agent) => agent.name === "claude")!.hooks!.fired["session-start"]!);
    expect(Date.now() - fired).toBeLessThan(60_000);
    handoff(setup.root, ["save", "codex", "--task", "Codex wrote this"]);
    expect(givenContext()).toContain("Codex wrote this");
    expect(givenContext()).toBeUndefined();
  });

  it("notices a state file rewritten in place, to the same size", () => {
    handoff(setup.root, ["save", "codex", "--task", "first version"]);
    expect(givenContext()).toContain("first version");
    expect(givenContext()).toBeUndefined();
    const file = path.join(setup.root, ".codex/.session-state.json");
    const text = readFileSync(file, "utf8");
    const state = JSON.parse(text);
    const later = new Date(Date.parse(state.timestamp) + 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const rewritten = text.replace(state.timestamp, later).replace("first version", "other version");
    expect(rewritten.length).toBe(text.length);
    const inode = statSync(file).ino;
    writeFileSync(file, rewritten);
    expect(statSync(file).ino).toBe(inode);
    expect(givenContext()).toContain("other version");
  });

  it("is trusted only while it matches the files, and only for the work tree it was made for", () => {
    handoff(setup.root, ["save", "codex", "--task", "Codex wrote this"]);
    // Codex's own session start (nothing to give it) writes the summary; Claude has not been given the state.
    const codexStart = readJson(setup.root, ".codex/hooks.json").hooks.SessionStart[0].hooks[0].command as string;
    expect(runAsAgent(setup.root, codexStart, { stdin: "{}", home: setup.home })).toEqual({ code: 0, stdout: "", stderr: "" });
    const summary = readJson(setup.root, SUMMARY);
    expect(summary.newest).toMatchObject({ owner: "codex" });
    // A summary that matches the files is what the start answers from (here, told there is no state)...
    writeFileSync(path.join(setup.root, SUMMARY), JSON.stringify({ ...summary, newest: null }));
    expect(givenContext()).toBeUndefined();
    // ...but not one made for another folder, nor a broken or huge one.
    writeFileSync(path.join(setup.root, SUMMARY), JSON.stringify({ ...summary, root: "/elsewhere", newest: null }));
    expect(givenContext()).toContain("Codex wrote this");
    writeFileSync(path.join(setup.root, SUMMARY), "{".repeat(200_000));
    expect(givenContext()).toBeUndefined(); // given once already
    expect(readJson(setup.root, SUMMARY)).toMatchObject({ version: 1, root: summary.root, newest: { owner: "codex" } });
  });

  it("a state file that became a FIFO costs a stat: the start answers from what it can read, and exits 0", () => {
    handoff(setup.root, ["save", "claude", "--task", "Claude's own work"]);
    expect(givenContext()).toBeUndefined();
    const codexState = path.join(setup.root, ".codex/.session-state.json");
    rmSync(codexState, { force: true });
    execFileSync("mkdir", ["-p", path.dirname(codexState)]);
    execFileSync("mkfifo", [codexState]);
    expect(claudeStart()).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(path.join(setup.root, ".git/handoff/hooks.log"), "utf8")).toContain("left out .codex/.session-state.json");
    // The summary now records the FIFO as it is: the next start answers from it, without opening it.
    expect(existsSync(path.join(setup.root, SUMMARY))).toBe(true);
    expect(claudeStart()).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("is refreshed by the turn's background save, which the next session start answers from", async () => {
    handoff(setup.root, ["save", "codex", "--task", "Codex wrote this"]);
    const stop = readJson(setup.root, ".claude/settings.json").hooks.Stop[0].hooks[0].command as string;
    expect(runAsAgent(setup.root, stop, { stdin: payload(CLAUDE.stop, { root: setup.root }), home: setup.home }).code).toBe(0);
    await savesSettled();
    expect(readJson(setup.root, SUMMARY).newest).toMatchObject({ owner: "claude" });
    expect(givenContext()).toBeUndefined();
  });
});
