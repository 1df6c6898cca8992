import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The environment tests run git and the bin in: no user config, no colors, no ambient repo. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("GIT_") || key === "HANDOFF_SKIP") delete env[key];
  return {
    ...env,
    NO_COLOR: "1",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: path.join(os.tmpdir(), "handoff-test-empty-gitconfig"),
    // The bin's compiled-code cache: the tests' own, not the user's.
    XDG_CACHE_HOME: path.join(os.tmpdir(), "handoff-test-cache"),
    GIT_AUTHOR_NAME: "Test Author",
    GIT_AUTHOR_EMAIL: "author@example.com",
    GIT_COMMITTER_NAME: "Test Author",
    GIT_COMMITTER_EMAIL: "author@example.com",
    ...extra,
  };
}

export type FileTree = Record<string, string>;

export interface TestRepo {
  /** The work tree, a realpath under the system temp folder. */
  root: string;
  /** Runs git in the repo and returns its stdout. */
  git(...args: string[]): string;
  /** Writes files (creating folders) from a path -> content object. */
  write(files: FileTree): void;
  /** Writes, stages and commits files; returns the new commit's full id. */
  commit(message: string, files?: FileTree): string;
  head(): string;
  cleanup(): void;
}

export interface RepoOptions {
  /** Make an initial commit (default true). */
  initialCommit?: boolean;
  branch?: string;
}

const created: string[] = [];

export function makeTempDir(prefix = "handoff-test-"): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** A fresh repository with a known identity, no signing and no gc, like changesets' gitdir(). */
export function createRepo(options: RepoOptions = {}): TestRepo {
  const root = makeTempDir();
  writeFileSync(path.join(os.tmpdir(), "handoff-test-empty-gitconfig"), "");
  const exec = (args: string[], opts: ExecFileSyncOptions = {}) =>
    execFileSync("git", args, { cwd: root, env: testEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts }) as string;
  exec(["init", "-q", "-b", options.branch ?? "main"]);
  for (const [key, value] of [
    ["user.name", "Test Author"],
    ["user.email", "author@example.com"],
    ["commit.gpgsign", "false"],
    ["tag.gpgsign", "false"],
    ["gc.auto", "0"],
    ["core.autocrlf", "false"],
  ]) {
    exec(["config", key!, value!]);
  }
  const repo: TestRepo = {
    root,
    git: (...args) => exec(args),
    write(files) {
      for (const [file, content] of Object.entries(files)) {
        const target = path.join(root, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    },
    commit(message, files) {
      if (files) {
        repo.write(files);
        exec(["add", "--", ...Object.keys(files)]);
      }
      exec(["commit", "-q", "--allow-empty", "-m", message]);
      return repo.head();
    },
    head: () => exec(["rev-parse", "HEAD"]).trim(),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  if (options.initialCommit !== false) repo.commit("initial commit", { "README.md": "# test\n" });
  return repo;
}

/** Removes every temp folder made by this process (call from afterAll). */
export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
