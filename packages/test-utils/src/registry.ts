import { spawnSync } from "node:child_process";
import { cachedForRun } from "./run-cache.js";

/**
 * Whether npm's configured registry answers, within seconds: tests that install from it
 * (`npm install`, `npx -p`) skip where it does not, instead of waiting for npm's own minutes of
 * retries. HANDOFF_TEST_OFFLINE=1 answers no without asking.
 */
export function registryReachable(): boolean {
  if (process.env.HANDOFF_TEST_OFFLINE === "1") return false;
  return cachedForRun("registry", () => {
    const ping = spawnSync("npm", ["ping", "--fetch-timeout=5000", "--fetch-retries=0"], { stdio: "ignore", timeout: 10_000 });
    return ping.status === 0;
  });
}
