import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, testEnv } from "@handoff/test-utils";
import { cloneOf, ok, remoteWithClone, type Clone } from "./helpers.js";

afterAll(cleanupTempDirs);

const VALID_STATE = readFileSync(new URL("../../../core/test/fixtures/spec-example-state.json", import.meta.url), "utf8");

function object(clone: Clone, content: string | Buffer): string {
  return execFileSync("git", ["hash-object", "-w", "--stdin"], { cwd: clone.root, input: content, env: testEnv(), encoding: "utf8" }).trim();
}

/** Pushes a handcrafted refs/handoff/<branch>: what anyone with push access to the remote can do. */
function pushCraftedRef(clone: Clone, branch: string, entries: string[]): void {
  const tree = execFileSync("git", ["mktree", "-z"], { cwd: clone.root, input: entries.map((line) => `${line}\0`).join(""), env: testEnv(), encoding: "utf8" }).trim();
  const commit = execFileSync("git", ["commit-tree", tree, "-m", "crafted"], { cwd: clone.root, env: testEnv(), encoding: "utf8" }).trim();
  clone.git("push", "-q", "origin", `${commit}:refs/handoff/${branch}`);
}

describe("handoff pull treats the fetched ref as hostile", () => {
  it("writes only known agents' state files, from valid states, and says what it skipped", () => {
    const { remote, first } = remoteWithClone("main-line");
    const subtree = execFileSync("git", ["mktree"], { cwd: first.root, input: `100644 blob ${object(first, "x")}\tx.json\n`, env: testEnv(), encoding: "utf8" }).trim();
    pushCraftedRef(first, "main-line", [
      `100644 blob ${object(first, VALID_STATE)}\topencode.json`,
      `100644 blob ${object(first, "{ broken")}\tclaude.json`,
      `100644 blob ${object(first, VALID_STATE)}\tevil.json`,
      `120000 blob ${object(first, "/etc/passwd")}\tcodex.json`,
      `040000 tree ${subtree}\tsub`,
      `100644 blob ${object(first, Buffer.alloc(5 * 1024 * 1024 + 1, 0x20))}\tgemini.json`,
    ]);
    const second = cloneOf(remote, "main-line");
    const pulled = second.handoff("pull");
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain("opencode: written to .opencode/.session-state.json");
    expect(pulled.stderr).toContain('skipped evil.json: no agent "evil" here');
    expect(pulled.stderr).toContain('skipped "codex.json", which is not an <agent>.json file');
    expect(pulled.stderr).toContain('skipped "sub", which is not an <agent>.json file');
    expect(pulled.stderr).toContain("skipped gemini.json: 5242881 bytes, over the 5242880-byte limit");
    expect(pulled.stderr).toMatch(/skipped claude\.json: origin refs\/handoff\/main-line:claude\.json:1:\d+: not valid JSON/);
    for (const file of [".claude/.session-state.json", ".codex/.session-state.json", ".gemini/.session-state.json", "sub", "evil.json"]) {
      expect(existsSync(path.join(second.root, file)), file).toBe(false);
    }
    expect(JSON.parse(readFileSync(path.join(second.root, ".opencode/.session-state.json"), "utf8")).task.description).toBe(
      JSON.parse(VALID_STATE).task.description,
    );
  });

  it("refuses a tree larger than a list of states can be, without reading it", () => {
    const { remote, first } = remoteWithClone("wide");
    const blob = object(first, VALID_STATE);
    pushCraftedRef(first, "wide", Array.from({ length: 400 }, (_, n) => `100644 blob ${blob}\tagent-${String(n).padStart(40, "0")}.json`));
    const second = cloneOf(remote, "wide");
    const pulled = second.handoff("pull");
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toMatch(/❌ origin refs\/handoff\/wide holds a tree of \d+ bytes, over the 16384-byte limit/);
    ok(second.handoff("status"));
  });

  it("refuses a ref that is not a commit", () => {
    const { remote, first } = remoteWithClone("blobbed");
    first.git("push", "-q", "origin", `${object(first, VALID_STATE)}:refs/handoff/blobbed`);
    const pulled = cloneOf(remote, "blobbed").handoff("pull");
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toContain("does not point at a commit");
  });
});
