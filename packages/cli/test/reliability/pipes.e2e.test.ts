/**
 * handoff writes its output straight to descriptors 1 and 2 (src/output.ts). These are the pipes
 * that path must survive: a slow reader on a non-blocking pipe, and a reader that stops early.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, makeTempDir, runHandoff, testEnv } from "@handoff/test-utils";
import { CLAUDE_FILE } from "./helpers.js";

afterAll(cleanupTempDirs);

/** bash, in `root`, with `$NODE` and `$HANDOFF` naming the node binary and the built bin. */
function bash(root: string, script: string, env: Record<string, string> = {}) {
  return spawnSync("bash", ["-c", script], { cwd: root, env: testEnv({ NODE: process.execPath, HANDOFF: HANDOFF_BIN, ...env }), encoding: "utf8" });
}

/** A repository whose claude state prints as about 3 MB of JSON, far more than a pipe holds. */
function repoWithLargeState(): { root: string; bytes: number } {
  const repo = createRepo();
  expect(runHandoff(repo.root, ["save", "claude", "--task", "Print a lot"]).code).toBe(0);
  const file = path.join(repo.root, CLAUDE_FILE);
  const state = JSON.parse(readFileSync(file, "utf8"));
  state.context = { next_steps: Array.from({ length: 40_000 }, (_, index) => `Step ${index}: the whole output reaches a slow reader`) };
  writeFileSync(file, JSON.stringify(state, null, 2));
  const printed = path.join(makeTempDir(), "printed.json");
  expect(bash(repo.root, '"$NODE" "$HANDOFF" restore claude --json > "$PRINTED"', { PRINTED: printed }).status).toBe(0);
  return { root: repo.root, bytes: statSync(printed).size };
}

describe("output on pipes", () => {
  const large = repoWithLargeState();
  const slowReader = '"$NODE" "$HANDOFF" restore claude --json | { sleep 1; wc -c; }';

  it("reaches a slow reader whole, on a blocking pipe and on one Node made non-blocking", () => {
    expect(large.bytes).toBeGreaterThan(2_000_000);
    expect(bash(large.root, slowReader).stdout.trim()).toBe(String(large.bytes));
    // Asking for process.stdout on a pipe makes the descriptor non-blocking: writes that would
    // block are handed to the stream, which waits for the reader.
    const preload = path.join(makeTempDir(), "touch-stdout.cjs");
    writeFileSync(preload, "void process.stdout;\n");
    const result = bash(large.root, slowReader, { NODE_OPTIONS: `--require ${preload}` });
    expect(result.stdout.trim()).toBe(String(large.bytes));
    expect(result.stderr).toBe("");
  });

  it("ends quietly, with exit code 0, when the reader stops early", () => {
    const result = bash(large.root, '"$NODE" "$HANDOFF" restore claude --json | head -c 100 > /dev/null; echo "${PIPESTATUS[0]}"');
    expect(result.stdout.trim()).toBe("0");
    expect(result.stderr).toBe("");
  });
});
