import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect } from "vitest";
import { eventually, HANDOFF_BIN, runHandoff, testEnv, type TestRepo } from "@handoff/test-utils";

export const CLAUDE_STATE = ".claude/.session-state.json";

interface StateOnDisk {
  task?: { description: string };
  context?: { next_steps?: string[] };
  git: { branch: string; last_commit: string; issues: string[]; operation?: string };
}

export function readState(root: string, file = CLAUDE_STATE): StateOnDisk {
  return JSON.parse(readFileSync(path.join(root, file), "utf8")) as StateOnDisk;
}

/** Repositories where hooks were installed: their background refreshes must end before cleanup. */
const withHooks = new Set<string>();

/** Where installNodeModulesCopy puts the bin, relative to the work tree. */
export const INSTALLED_CLI = "node_modules/@handoff/cli/dist/cli.cjs";

/**
 * Installs handoff the way npm leaves it in a project: a copy of the built package in the
 * repository's own (ignored) node_modules, with its .bin link; then installs the hooks from there,
 * so that the runner records that copy. Returns the hooks install's output.
 */
export function installNodeModulesCopy(repo: TestRepo): string {
  cpSync(path.dirname(HANDOFF_BIN), path.join(repo.root, path.dirname(INSTALLED_CLI)), { recursive: true });
  writeFileSync(path.join(repo.root, "node_modules/@handoff/cli/package.json"), '{ "name": "@handoff/cli", "version": "0.0.0" }\n');
  mkdirSync(path.join(repo.root, "node_modules/.bin"));
  symlinkSync("../@handoff/cli/dist/cli.cjs", path.join(repo.root, "node_modules/.bin/handoff"));
  // The bin's own runtime dependencies (npm would have installed them beside the package).
  const cliManifest = JSON.parse(readFileSync(path.join(path.dirname(HANDOFF_BIN), "../package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(cliManifest.dependencies ?? {})) {
    const folder = path.dirname(createRequire(HANDOFF_BIN).resolve(`${dependency}/package.json`));
    symlinkSync(realpathSync(folder), path.join(repo.root, "node_modules", dependency));
  }
  withHooks.add(repo.root);
  return execFileSync(process.execPath, [INSTALLED_CLI, "hooks", "install"], { cwd: repo.root, env: testEnv(), encoding: "utf8" });
}

/** Runs the built bin and fails the test with its output when it does not exit 0. */
export function handoff(root: string, ...args: string[]): string {
  if (args[0] === "hooks" || args[0] === "init") withHooks.add(root);
  const result = runHandoff(root, args);
  expect(result.code, `handoff ${args.join(" ")}\n${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Runs git like a user would, with extra environment (HANDOFF_SKIP, HANDOFF_DEBUG); returns stdout and stderr. */
export function gitWith(root: string, env: Record<string, string>, ...args: string[]) {
  const result = spawnSync("git", args, { cwd: root, env: testEnv(env), encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { eventually };

/** What the hooks left in the git directory, shown when a state never became fresh. */
function diagnostics(root: string): string {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(root, ".git/handoff", file), "utf8");
    } catch {
      return "(none)";
    }
  };
  return `last-refresh.json: ${read("last-refresh.json")}\nhooks.log: ${read("hooks.log")}`;
}

/** Waits until the claude state describes HEAD and the current branch, and checks the task survived. */
export async function expectStateOnHead(repo: TestRepo, task: string, file = CLAUDE_STATE): Promise<void> {
  const branch = repo.git("branch", "--show-current").trim();
  const head = repo.git("rev-parse", "--short", "HEAD").trim();
  await eventually(() => {
    const state = readState(repo.root, file);
    const seen = { branch: state.git.branch, last_commit: state.git.last_commit, operation: state.git.operation };
    expect(seen, diagnostics(repo.root)).toEqual({ branch, last_commit: head, operation: undefined });
  });
  expect(readState(repo.root, file).task?.description).toBe(task);
}

/** Waits until the background refresh has finished a pass for the current HEAD. */
export async function refreshLanded(repo: TestRepo, gitDir = path.join(repo.root, ".git")): Promise<void> {
  const head = repo.git("rev-parse", "HEAD").trim();
  await eventually(() => {
    const record = JSON.parse(readFileSync(path.join(gitDir, "handoff/last-refresh.json"), "utf8")) as { head?: string };
    expect(record.head).toBe(head);
  });
}

/**
 * Waits until no refresh is queued or running in the repository, so that the next git command
 * starts a refresh of its own instead of being picked up by one queued before it.
 */
export async function refreshesIdle(root: string, gitDir = path.join(root, ".git")): Promise<void> {
  await eventually(() => {
    expect(existsSync(path.join(gitDir, "handoff/refresh.queued"))).toBe(false);
    expect(existsSync(path.join(gitDir, "handoff/refresh.lock"))).toBe(false);
  });
}

/** Every file under a folder with its bytes and permission bits (symlinks as their target). */
export function snapshotFolder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(folder)) return files;
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const file = path.join(folder, name);
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) files[name] = `symlink -> ${readlinkSync(file)}`;
    else if (stat.isFile()) files[name] = `${(stat.mode & 0o777).toString(8)} ${readFileSync(file, "base64")}`;
  }
  return files;
}

/** A feature branch and a main that moved on, ready for `git rebase main` from the feature branch. */
export function divergeFromMain(repo: TestRepo, branch: string): void {
  repo.git("switch", "-q", "-c", branch);
  repo.commit("feature: first", { "feature-1.txt": "1\n" });
  repo.commit("feature: second", { "feature-2.txt": "2\n" });
  repo.git("switch", "-q", "main");
  repo.commit("main moved on", { "main.txt": "main\n" });
  repo.git("switch", "-q", branch);
}

export function git(root: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: root, env: testEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Every folder where a background refresh of `root` leaves its marks. */
function refreshFolders(root: string): string[] {
  const gitDir = path.join(root, ".git");
  const worktrees = path.join(gitDir, "worktrees");
  const linked = existsSync(worktrees) ? readdirSync(worktrees).map((name) => path.join(worktrees, name)) : [];
  return [gitDir, ...linked].map((folder) => path.join(folder, "handoff"));
}

function activity(root: string): string {
  return refreshFolders(root)
    .flatMap((folder) =>
      ["refresh.queued", "refresh.lock", "last-refresh.json", "hooks.log"].map((name) => {
        try {
          return `${name}:${lstatSync(path.join(folder, name)).mtimeMs}`;
        } catch {
          return "";
        }
      }),
    )
    .join("|");
}

/**
 * Waits until no background refresh has stirred in any repository with hooks for 1.5 s, so that
 * removing the temp folders does not race with a refresh still writing in them (call in afterAll).
 */
export async function hooksSettled(): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = [...withHooks].map(activity).join("\n");
  let quietSince = Date.now();
  while (Date.now() - quietSince < 1_500 && Date.now() < deadline) {
    await sleep(100);
    const now = [...withHooks].map(activity).join("\n");
    if (now !== last || now.includes("refresh.queued") || now.includes("refresh.lock")) quietSince = Date.now();
    last = now;
  }
  withHooks.clear();
}
