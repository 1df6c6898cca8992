import { readFileSync, statSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { hookLogPath } from "../src/git-folder.js";
import { appendHookLog, MAX_HOOK_LOG_BYTES, readHookLog, recentHookErrors } from "../src/hook-log.js";

afterAll(cleanupTempDirs);

describe("the hook log", () => {
  it("appends entries that read back with their time, level, hook and message", () => {
    const gitDir = makeTempDir();
    const at = new Date("2026-01-05T12:30:00.000Z");
    appendHookLog(gitDir, "ERROR", "post-commit", "state file is corrupt\n  at line 3", at);
    appendHookLog(gitDir, "WARN", "post-merge", "tracked file left alone", at);
    expect(readHookLog(gitDir)).toEqual([
      { time: at, level: "ERROR", hook: "post-commit", message: "state file is corrupt\n  at line 3" },
      { time: at, level: "WARN", hook: "post-merge", message: "tracked file left alone" },
    ]);
  });

  it("reads the lines the shell runner writes", () => {
    const gitDir = makeTempDir();
    appendHookLog(gitDir, "INFO", "post-commit", "first");
    const file = hookLogPath(gitDir);
    writeFileSync(file, readFileSync(file, "utf8") + "2026-11-25T04:00:00Z ERROR pre-push: handoff was not found\n");
    expect(readHookLog(gitDir).at(-1)).toMatchObject({ level: "ERROR", hook: "pre-push", message: "handoff was not found" });
  });

  it("stays under its size cap, keeping the newest entries", () => {
    const gitDir = makeTempDir();
    const message = "x".repeat(1000);
    for (let index = 0; index < 400; index++) appendHookLog(gitDir, "ERROR", "post-commit", `${index} ${message}`);
    expect(statSync(hookLogPath(gitDir)).size).toBeLessThanOrEqual(MAX_HOOK_LOG_BYTES);
    const entries = readHookLog(gitDir);
    expect(entries.at(-1)!.message.startsWith("399 ")).toBe(true);
    expect(entries[0]!.message).toMatch(/^\d+ x+$/);
  });

  it("stays under its size cap in bytes when messages are not ASCII", () => {
    const gitDir = makeTempDir();
    const message = "é".repeat(1000); // 2 bytes each in UTF-8
    let largest = 0;
    for (let index = 0; index < 400; index++) {
      appendHookLog(gitDir, "ERROR", "post-commit", `${index} ${message}`);
      largest = Math.max(largest, statSync(hookLogPath(gitDir)).size);
    }
    expect(largest).toBeLessThanOrEqual(MAX_HOOK_LOG_BYTES);
    expect(readHookLog(gitDir).at(-1)!.message.startsWith("399 ")).toBe(true);
  });

  it("trims at the start of an entry, never inside a multi-line message", () => {
    const gitDir = makeTempDir();
    const lines = Array.from({ length: 40 }, (_, line) => `line ${line} ${"y".repeat(100)}`).join("\n");
    for (let index = 0; index < 100; index++) appendHookLog(gitDir, "ERROR", "post-commit", `${index}\n${lines}`);
    const text = readFileSync(hookLogPath(gitDir), "utf8");
    expect(text.length).toBeLessThan(100 * lines.length); // it was trimmed
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(readHookLog(gitDir)[0]!.message.split("\n")).toHaveLength(41);
  });

  it("counts only recent errors for `handoff status`", () => {
    const gitDir = makeTempDir();
    appendHookLog(gitDir, "ERROR", "post-commit", "old", new Date("2020-01-01T00:00:00Z"));
    appendHookLog(gitDir, "WARN", "post-commit", "a warning");
    appendHookLog(gitDir, "ERROR", "post-checkout", "new");
    expect(recentHookErrors(gitDir).map((entry) => entry.message)).toEqual(["new"]);
  });

  it("never throws, even where it cannot write", () => {
    const notAFolder = `${makeTempDir()}/file`;
    writeFileSync(notAFolder, "");
    expect(() => appendHookLog(notAFolder, "ERROR", "post-commit", "lost")).not.toThrow();
    expect(readHookLog(notAFolder)).toEqual([]);
  });
});
