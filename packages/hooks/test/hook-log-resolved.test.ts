import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { appendHookLog } from "../src/hook-log.js";
import { markHookErrorsResolved, unresolvedHookErrors } from "../src/hook-log-resolved.js";

afterAll(cleanupTempDirs);

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);

function lastRefresh(gitDir: string, time: Date, failed: unknown[] = []): void {
  mkdirSync(path.join(gitDir, "handoff"), { recursive: true });
  writeFileSync(path.join(gitDir, "handoff/last-refresh.json"), JSON.stringify({ time: time.toISOString(), hook: "post-commit", refreshed: [], tracked: [], failed }));
}

describe("unresolvedHookErrors", () => {
  it("drops the errors logged before the last refresh that succeeded", () => {
    const gitDir = makeTempDir();
    appendHookLog(gitDir, "ERROR", "post-commit", "before", at(30));
    appendHookLog(gitDir, "ERROR", "post-checkout", "after", at(10));
    expect(unresolvedHookErrors(gitDir).map((entry) => entry.message)).toEqual(["before", "after"]);
    lastRefresh(gitDir, at(20));
    expect(unresolvedHookErrors(gitDir).map((entry) => entry.message)).toEqual(["after"]);
  });

  it("keeps them when the last refresh failed too", () => {
    const gitDir = makeTempDir();
    appendHookLog(gitDir, "ERROR", "post-commit", "broken", at(30));
    lastRefresh(gitDir, at(5), [{ file: ".claude/.session-state.json", message: "broken" }]);
    expect(unresolvedHookErrors(gitDir)).toHaveLength(1);
  });

  it("drops everything before the mark `doctor --fix` writes, and keeps later errors", () => {
    const gitDir = makeTempDir();
    appendHookLog(gitDir, "ERROR", "pre-push", "old", at(30));
    markHookErrorsResolved(gitDir, at(20));
    appendHookLog(gitDir, "ERROR", "pre-push", "new", at(10));
    expect(unresolvedHookErrors(gitDir).map((entry) => entry.message)).toEqual(["new"]);
  });

  it("ignores a last-refresh file that is not what handoff writes", () => {
    const gitDir = makeTempDir();
    appendHookLog(gitDir, "ERROR", "post-commit", "kept", at(30));
    mkdirSync(path.join(gitDir, "handoff"), { recursive: true });
    writeFileSync(path.join(gitDir, "handoff/last-refresh.json"), '{"time": "not a time", "failed": []}');
    expect(unresolvedHookErrors(gitDir)).toHaveLength(1);
  });
});
