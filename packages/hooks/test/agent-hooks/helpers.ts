import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRepo, HANDOFF_BIN, makeTempDir, runHandoff, testEnv, type TestRepo } from "@handoff/test-utils";
import { expect } from "vitest";

export interface HookRepo {
  repo: TestRepo;
  root: string;
  /** A home folder for the agents' own stores. */
  home: string;
}

/** A repository whose clone has its own handoff installed (node_modules/.bin/handoff, ignored by git). */
export function repoWithHandoff(): HookRepo {
  const repo = createRepo();
  repo.commit("ignore node_modules", { ".gitignore": "node_modules/\n" });
  mkdirSync(path.join(repo.root, "node_modules/.bin"), { recursive: true });
  symlinkSync(HANDOFF_BIN, path.join(repo.root, "node_modules/.bin/handoff"));
  repos.push(repo.root);
  return { repo, root: repo.root, home: makeTempDir("handoff-home-") };
}

/** `handoff <args>` with the built bin; fails the test with its output unless it exits `code`. */
export function handoff(root: string, args: string[], code = 0): string {
  const result = runHandoff(root, args);
  expect(result.code, `handoff ${args.join(" ")}\n${result.stdout}${result.stderr}`).toBe(code);
  return result.stdout;
}

export function readJson(root: string, file: string): any {
  return JSON.parse(readFileSync(path.join(root, file), "utf8"));
}

export interface AgentRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a hook command exactly as an agent does: through the shell, in `cwd` (the repository), with
 * the payload on stdin (or as the last argument) and the agent's own environment variables. The
 * timeout only stops a hang; speed is measured in bench/.
 */
export function runAsAgent(cwd: string, command: string, options: { stdin?: string; args?: string[]; env?: Record<string, string>; home?: string } = {}): AgentRun {
  const result = spawnSync("/bin/sh", ["-c", command, "sh", ...(options.args ?? [])], {
    cwd,
    input: options.stdin ?? "",
    env: testEnv({ ...(options.home ? { HOME: options.home } : {}), ...options.env }),
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const repos: string[] = [];

/**
 * Waits until no background save is queued or running in any repository these tests made, so
 * that a check of "nothing changed" is not early, and cleanup does not race a save.
 */
export async function savesSettled(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const busy = () =>
    repos.some((root) => {
      const dir = path.join(root, ".git/handoff/agent-saves");
      return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith(".json") || name.endsWith(".lock") || name.includes(".taken"));
    });
  while (busy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

export function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
