import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HANDOFF_BIN, testEnv, type BinResult } from "@handoff/test-utils";

export const CLAUDE_FILE = ".claude/.session-state.json";

/** The built bin as a real concurrent process (runHandoff waits for each one in turn). */
export function startHandoff(cwd: string, args: string[], env: Record<string, string> = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HANDOFF_BIN, ...args], { cwd, env: testEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Names a writer may leave behind: temp files, locks, stale-lock leftovers. */
export function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => /\.(tmp|lock|stale)$/.test(name));
}

export function stateOf(root: string, file = CLAUDE_FILE): Record<string, any> {
  return JSON.parse(readFileSync(path.join(root, file), "utf8"));
}

/** Output a terminal would see; ESC and BEL must never be in it raw. */
export const RAW_CONTROL = /[\u001b\u0007\u009b]/;
