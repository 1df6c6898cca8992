import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { createRepo, makeTempDir, refreshSettled as settledAt, runHandoff, testEnv } from "@handoff/test-utils";

export interface Clone {
  root: string;
  git(...args: string[]): string;
  handoff(...args: string[]): { code: number; stdout: string; stderr: string };
}

function gitIn(root: string) {
  return (...args: string[]) => execFileSync("git", args, { cwd: root, env: testEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function asClone(root: string): Clone {
  return { root, git: gitIn(root), handoff: (...args) => runHandoff(root, args) };
}

/** A bare "remote" and a first clone on `branch`, pushed, with the state files ignored in a commit. */
export function remoteWithClone(branch: string): { remote: string; first: Clone } {
  const remote = makeTempDir("handoff-remote-");
  execFileSync("git", ["init", "-q", "--bare", remote], { env: testEnv() });
  const repo = createRepo();
  repo.commit("ignore the state files", { ".gitignore": ".claude/.session-state.json*\n.opencode/.session-state.json*\n.codex/.session-state.json*\n" });
  repo.git("remote", "add", "origin", remote);
  repo.git("switch", "-q", "-c", branch);
  repo.git("push", "-q", "-u", "origin", branch);
  return { remote, first: asClone(repo.root) };
}

/** Another machine: a fresh clone of `remote`, on `branch`. */
export function cloneOf(remote: string, branch: string): Clone {
  const root = makeTempDir("handoff-clone-");
  execFileSync("git", ["clone", "-q", "--branch", branch, remote, root], { env: testEnv(), stdio: "pipe" });
  const clone = asClone(root);
  clone.git("config", "user.name", "Second Machine");
  clone.git("config", "user.email", "second@example.com");
  return clone;
}

export function ok(result: { code: number; stdout: string; stderr: string }): string {
  expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

export function readJson(root: string, file: string): { timestamp: string; task?: { description: string } } {
  return JSON.parse(readFileSync(path.join(root, file), "utf8"));
}

/** Saves a state for `agent`, then dates it `timestamp`: merges are decided by timestamps. */
export function saveAt(clone: Clone, agent: string, task: string, timestamp: string): void {
  ok(clone.handoff("save", agent, "--task", task));
  const file = path.join(clone.root, `.${agent}/.session-state.json`);
  const state = JSON.parse(readFileSync(file, "utf8"));
  writeFileSync(file, `${JSON.stringify({ ...state, timestamp }, null, 2)}\n`);
}

/** What push and pull must leave alone: HEAD, every branch and remote-tracking ref, the index and the visible tree. */
export function untouched(clone: Clone) {
  return {
    refs: clone.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/remotes", "refs/tags"),
    head: clone.git("rev-parse", "HEAD"),
    log: clone.git("log", "--format=%H", "HEAD"),
    index: readFileSync(path.join(clone.root, ".git/index")).toString("base64"),
    // Without optional locks, so that looking does not rewrite the index it compares.
    status: execFileSync("git", ["status", "--porcelain=v2", "--untracked-files=all"], {
      cwd: clone.root,
      env: testEnv({ GIT_OPTIONAL_LOCKS: "0" }),
      encoding: "utf8",
    }),
  };
}

/** Waits until the hooks' background refresh has run for HEAD, so that it cannot race the clean-up. */
export function refreshSettled(clone: Clone, timeoutMs = 20_000): Promise<void> {
  return settledAt(clone.root, timeoutMs);
}
