/**
 * The shell runner's queue, run by real `sh` in a real repository. The recorded "node" is a
 * script that does what a refresh does with the queue (remove the marker, then read the event
 * count, then take a while), so that which events started a refresh, and what each read, shows.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, testEnv, type TestRepo } from "@handoff/test-utils";
import { renderFastPath } from "../src/fast-path-script.js";
import { renderStub } from "../src/hook-scripts.js";
import { renderRunner } from "../src/runner-script.js";
import { eventually } from "./e2e-helpers.js";

afterAll(cleanupTempDirs);

interface Bench {
  repo: TestRepo;
  events: string;
  log: string;
  marker: string;
  fire: (hook?: string, ...args: string[]) => void;
  starts: () => number;
  lastRead: () => number;
}

function bench(): Bench {
  const repo = createRepo();
  const dir = makeTempDir();
  const events = path.join(dir, "events");
  const log = path.join(dir, "refresh.log");
  const fakeNode = path.join(dir, "node");
  const cli = path.join(dir, "cli.cjs");
  writeFileSync(events, "0");
  writeFileSync(cli, "");
  writeFileSync(
    fakeNode,
    [
      "#!/bin/sh",
      `echo start >>'${log}'`,
      "rm -f .git/handoff/refresh.queued",
      `echo "read $(cat '${events}')" >>'${log}'`,
      "sleep 0.3",
      `echo end >>'${log}'`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  mkdirSync(path.join(repo.root, ".git/handoff"));
  writeFileSync(path.join(repo.root, ".git/handoff/hook.sh"), renderRunner({ node: fakeNode, cli }), { mode: 0o755 });
  writeFileSync(path.join(repo.root, ".git/handoff/fast-path.sh"), renderFastPath());
  writeFileSync(path.join(repo.root, ".git/handoff/installed"), "");
  const lines = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
  return {
    repo,
    events,
    log,
    marker: path.join(repo.root, ".git/handoff/refresh.queued"),
    fire(hook = "post-commit", ...args) {
      writeFileSync(events, String(Number(readFileSync(events, "utf8")) + 1));
      const result = spawnSync("sh", [".git/handoff/hook.sh", hook, ...args], { cwd: repo.root, env: testEnv(), encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
    },
    starts: () => lines().filter((line) => line === "start").length,
    lastRead: () => Number(lines().filter((line) => line.startsWith("read ")).at(-1)?.slice(5) ?? -1),
  };
}

/** Waits until no refresh is queued or running. */
async function settled(b: Bench): Promise<void> {
  await eventually(() => {
    expect(existsSync(b.marker)).toBe(false);
    const text = existsSync(b.log) ? readFileSync(b.log, "utf8") : "";
    expect(text.split("start").length).toBe(text.split("end").length);
  });
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(existsSync(b.marker)).toBe(false);
}

describe("the shell runner's refresh queue", () => {
  it("starts one refresh for a burst of events, which reads git after the last of them", async () => {
    const b = bench();
    for (let i = 0; i < 20; i++) b.fire();
    await settled(b);
    expect(b.starts()).toBeGreaterThanOrEqual(1);
    expect(b.starts()).toBeLessThan(10);
    expect(b.lastRead()).toBe(20);
  });

  it("starts another refresh for an event that lands while one is running", async () => {
    const b = bench();
    b.fire();
    await eventually(() => expect(readFileSync(b.log, "utf8")).toContain("read 1"));
    b.fire();
    await settled(b);
    expect(b.starts()).toBe(2);
    expect(b.lastRead()).toBe(2);
  });

  it("an event that finds the marker of a live refresh starts nothing; one left by a dead process is taken over", async () => {
    const b = bench();
    const boot = existsSync("/proc/sys/kernel/random/boot_id") ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() : "";
    writeFileSync(b.marker, `${process.pid} ${boot}\n`);
    b.fire();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(b.starts()).toBe(0);
    expect(readFileSync(b.marker, "utf8")).toBe(`${process.pid} ${boot}\n`);

    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(b.marker, `${dead} ${boot}\n`);
    b.fire();
    await settled(b);
    expect(b.starts()).toBe(1);
    expect(b.lastRead()).toBe(2);
  });

  it("skips file checkouts and the commits of a rebase in progress without queueing anything", async () => {
    const b = bench();
    b.fire("post-checkout", "abc", "abc", "0");
    mkdirSync(path.join(b.repo.root, ".git/rebase-merge"));
    b.fire("post-commit");
    expect(existsSync(b.marker)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(b.starts()).toBe(0);
  });

  it("the installed hook settles an event a queued refresh covers, and a rebase's picks, without starting the runner", () => {
    const b = bench();
    const started = path.join(makeTempDir(), "runner-started");
    writeFileSync(path.join(b.repo.root, ".git/handoff/hook.sh"), `echo "$@" >> '${started}'\n`);
    writeFileSync(path.join(b.repo.root, ".git/hooks/post-commit"), renderStub("post-commit"), { mode: 0o755 });
    const commit = () => spawnSync("git", ["commit", "-q", "--allow-empty", "-m", "x"], { cwd: b.repo.root, env: testEnv(), encoding: "utf8" });
    const boot = existsSync("/proc/sys/kernel/random/boot_id") ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() : "";

    writeFileSync(b.marker, `${process.pid} ${boot}\n`);
    expect(commit().status).toBe(0);
    expect(existsSync(started)).toBe(false);
    expect(existsSync(path.join(b.repo.root, ".git/handoff/refresh.again"))).toBe(true);

    writeFileSync(b.marker, `${spawnSync(process.execPath, ["-e", ""]).pid} ${boot}\n`);
    expect(commit().status).toBe(0);
    expect(readFileSync(started, "utf8")).toBe("post-commit\n");

    mkdirSync(path.join(b.repo.root, ".git/rebase-apply"));
    expect(commit().status).toBe(0);
    expect(readFileSync(started, "utf8")).toBe("post-commit\n");
  });

  it("in a linked worktree, the installed hook finds both git directories from git's GIT_DIR, with no git process", () => {
    const b = bench();
    const started = path.join(makeTempDir(), "runner-started");
    writeFileSync(path.join(b.repo.root, ".git/handoff/hook.sh"), `echo "$@" >> '${started}'\n`);
    const stub = path.join(makeTempDir(), "post-commit");
    writeFileSync(stub, renderStub("post-commit"), { mode: 0o755 });
    const tree = path.join(makeTempDir(), "tree");
    b.repo.git("worktree", "add", "-q", tree);
    const gitDir = realpathSync(path.join(b.repo.root, ".git/worktrees/tree"));
    mkdirSync(path.join(gitDir, "handoff"));
    // A PATH that holds sh and nothing else: a stub that ran git here would fail to find it.
    const onlySh = makeTempDir();
    symlinkSync("/bin/sh", path.join(onlySh, "sh"));
    const event = () => spawnSync("sh", [stub], { cwd: tree, env: testEnv({ GIT_DIR: gitDir, PATH: onlySh }), encoding: "utf8" });
    const boot = existsSync("/proc/sys/kernel/random/boot_id") ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() : "";

    writeFileSync(path.join(gitDir, "handoff/refresh.queued"), `${process.pid} ${boot}\n`);
    expect(event().status).toBe(0);
    expect(existsSync(started)).toBe(false);
    // Only its time counts: truncating a file that holds data makes ext4 flush it, milliseconds per event.
    expect(readFileSync(path.join(gitDir, "handoff/refresh.again"), "utf8")).toBe("");

    mkdirSync(path.join(gitDir, "rebase-merge"));
    writeFileSync(path.join(gitDir, "handoff/refresh.queued"), `${spawnSync(process.execPath, ["-e", ""]).pid} ${boot}\n`);
    expect(event().status).toBe(0);
    expect(existsSync(started)).toBe(false);

    rmSync(path.join(gitDir, "rebase-merge"), { recursive: true });
    expect(event().status).toBe(0);
    expect(readFileSync(started, "utf8")).toBe("post-commit\n");
  });

  it("logs, and releases the queue, when the recorded handoff is gone", async () => {
    const b = bench();
    const runner = path.join(b.repo.root, ".git/handoff/hook.sh");
    writeFileSync(runner, readFileSync(runner, "utf8").replace(/^handoff_cli=.*$/m, "handoff_cli='/nowhere/cli.cjs'"));
    b.fire();
    const logFile = path.join(b.repo.root, ".git/handoff/hooks.log");
    await eventually(() => expect(readFileSync(logFile, "utf8")).toMatch(/ERROR post-commit: handoff was not found \(.* or \/nowhere\/cli\.cjs is gone\); run `npx handoff hooks install` again/));
    await eventually(() => expect(existsSync(b.marker)).toBe(false));
    expect(b.starts()).toBe(0);
  });
});
