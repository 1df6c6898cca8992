import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { testEnv } from "./git-repo.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `check` passes: the hooks' refresh runs in the background after git returns. The
 * timeout is generous on purpose (shared, loaded machines); the 2-second promise is measured in
 * bench/hooks.mjs. The last failure is thrown when time runs out.
 */
export async function eventually(check: () => void, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(50);
    }
  }
}

/**
 * Waits until the hooks' background refresh has run for HEAD (`.git/handoff/last-refresh.json`),
 * so that it cannot race a test's checks or its clean-up. Returns quietly when time runs out: the
 * test's own assertions say what went wrong.
 */
export async function refreshSettled(root: string, timeoutMs = 20_000): Promise<void> {
  const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, env: testEnv(), encoding: "utf8" }).trim();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const last = JSON.parse(readFileSync(path.join(root, ".git/handoff/last-refresh.json"), "utf8")) as { head?: string };
      if (last.head === head) return;
    } catch {
      // not written yet
    }
    await pause(50);
  }
}
