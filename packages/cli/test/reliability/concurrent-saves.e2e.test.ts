import { spawnSync } from "node:child_process";
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openRepo, parseState, readGitSnapshot, refreshExistingStateFile, refreshGitState, stringifyState } from "@handoff/core";
import { cleanupTempDirs, createRepo, runHandoff } from "@handoff/test-utils";
import { CLAUDE_FILE, leftovers, startHandoff } from "./helpers.js";

afterAll(cleanupTempDirs);

describe("eight `handoff save` processes and hook refreshes at once", () => {
  it("leave one valid file holding exactly one writer's whole content", async () => {
    const repo = createRepo();
    repo.write({ "work.ts": "x\n" });
    expect(runHandoff(repo.root, ["save", "claude", "--task", "before"]).code).toBe(0);
    const opened = await openRepo(repo.root);
    const snapshot = await readGitSnapshot(opened.repo);
    // Tasks of different lengths, so that a torn or mixed write could not pass for a whole one.
    const saves = Array.from({ length: 8 }, (_, i) =>
      startHandoff(repo.root, ["save", "claude", "--json", `--task=writer ${i} ${"•".repeat(500 * i)}`, "--next", `step ${i}`]),
    );
    const refreshed: string[] = [];
    const refreshes = Array.from({ length: 4 }, async () => {
      const state = await refreshExistingStateFile(repo.root, { file: CLAUDE_FILE }, (current) => refreshGitState(current, snapshot));
      if (state) refreshed.push(stringifyState(state));
    });
    const [results] = await Promise.all([Promise.all(saves), Promise.all(refreshes)]);
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: "" });
    const file = path.join(repo.root, CLAUDE_FILE);
    const final = readFileSync(file, "utf8");
    const whole = [...results.map((result) => result.stdout), ...refreshed];
    expect(whole).toContain(final);
    expect(parseState(final).state.task?.description).toMatch(/^writer \d/);
    expect(leftovers(path.dirname(file))).toEqual([]);
    expect(readFileSync(path.join(repo.root, ".gitignore"), "utf8").match(/session-state/g)).toHaveLength(1);
  });

  it("in a fresh repository, where all of them create the folder at once", async () => {
    const repo = createRepo();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => startHandoff(repo.root, ["save", "claude", "--json", `--task=t${i}`])));
    for (const result of results) expect(result.code).toBe(0);
    const final = readFileSync(path.join(repo.root, CLAUDE_FILE), "utf8");
    expect(results.map((result) => result.stdout)).toContain(final);
    expect(leftovers(path.join(repo.root, ".claude"))).toEqual([]);
  });
});

describe("a lock left behind by a killed process", () => {
  const deadPid = () => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);

  it("with a pid that no longer runs is taken over", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude"]).code).toBe(0);
    const lock = path.join(repo.root, `${CLAUDE_FILE}.lock`);
    writeFileSync(lock, `${deadPid()}\n2026-01-05T12:30:00.000Z\n`);
    const result = runHandoff(repo.root, ["save", "claude", "--task", "after the crash"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(repo.root, CLAUDE_FILE), "utf8")).task.description).toBe("after the crash");
    expect(leftovers(path.dirname(lock))).toEqual([]);
  });

  it("untouched for an hour is taken over even when its pid is in use again", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude"]).code).toBe(0);
    const lock = path.join(repo.root, `${CLAUDE_FILE}.lock`);
    writeFileSync(lock, `${process.pid}\n2026-01-05T12:30:00.000Z\n`);
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(lock, hourAgo, hourAgo);
    const result = runHandoff(repo.root, ["save", "claude", "--task", "after the crash"]);
    expect(result.code).toBe(0);
    expect(leftovers(path.dirname(lock))).toEqual([]);
  });
});
