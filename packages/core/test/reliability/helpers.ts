import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { isHandoffError, type HandoffError, type HandoffErrorCode } from "../../src/errors.js";
import type { SessionState } from "../../src/schema/session-state.js";

export const CLAUDE_FILE = ".claude/.session-state.json";

/** File names git accepts and shells, parsers and terminals trip over. */
export const ODD_FILE_NAMES = [
  "with space.ts",
  'double"quote.ts',
  "single'quote.ts",
  "back\\slash.ts",
  "new\nline.ts",
  "tab\there.ts",
  "--force",
  "-rf",
  "-",
  "ünïcödé/日本語.ts",
  "emoji 🚀.md",
  "esc\u001b]0;title\u0007.ts",
  "trailing space ",
];

/** A small valid v2.0 state, as handoff itself would write it. */
export function minimalState(overrides: Partial<SessionState> = {}): SessionState {
  return {
    version: "2.0",
    timestamp: "2026-01-05T12:30:00Z",
    agent: "claude",
    provider: "unknown",
    git: { branch: "main", uncommitted_changes: false, staged_files: [], last_commit: "abc1234" },
    ...overrides,
  };
}

/** The id of a process that has exited: nothing answers to it any more. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

/** Names in a folder that a writer may have left behind: temp files, locks, stale-lock leftovers. */
export function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => /\.(tmp|lock|stale)$/.test(name));
}

export function bytes(file: string): Buffer {
  return readFileSync(file);
}

/** Runs `work` and returns the HandoffError it throws; fails on success or on any other error. */
export async function handoffError(work: () => unknown, code?: HandoffErrorCode): Promise<HandoffError> {
  let thrown: unknown;
  try {
    await work();
  } catch (error) {
    thrown = error;
  }
  if (!isHandoffError(thrown)) throw new Error(`expected a HandoffError, got ${String(thrown)}`);
  if (code) expect(thrown.code).toBe(code);
  return thrown;
}

export function siblings(file: string): string[] {
  return readdirSync(path.dirname(file)).sort();
}
