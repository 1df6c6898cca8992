import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, testEnv } from "@handoff/test-utils";
import { saveSession } from "../../src/workflows/save-session.js";
import { stringifyState } from "../../src/parse/stringify.js";
import { writeFileAtomic } from "../../src/store/atomic-write.js";
import { ensureIgnored, ignoreEntry } from "../../src/store/gitignore.js";
import { readStateFile } from "../../src/store/read-state.js";
import { refreshExistingStateFile, updateStateFile } from "../../src/store/state-file.js";
import { CLAUDE_FILE, handoffError, minimalState } from "../reliability/helpers.js";

afterAll(cleanupTempDirs);

const AGENT = { file: CLAUDE_FILE };

describe("what a save leaves and overwrites", () => {
  it("a write killed before its rename leaves a temporary file that the state's ignore line covers", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "first" } });
    const file = path.join(repo.root, CLAUDE_FILE);
    let temporary: string[] = [];
    const killed = () => {
      temporary = readdirSync(path.dirname(file)).filter((name) => name.endsWith(".tmp"));
      throw new Error("killed");
    };
    expect(() => writeFileAtomic(file, "{}", { beforeRename: killed })).toThrow("killed");
    expect(temporary).toHaveLength(1);
    expect(temporary[0]).toMatch(/^\.session-state\.json\.[^/]+\.tmp$/);
    // What `git add -A` would see, had the process died there: ignored by the line save wrote.
    writeFileSync(path.join(repo.root, ".claude", temporary[0]!), "{}");
    const ignored = execFileSync("git", ["check-ignore", "--no-index", "--", `.claude/${temporary[0]}`], { cwd: repo.root, env: testEnv(), encoding: "utf8" });
    expect(ignored.trim()).toBe(`.claude/${temporary[0]}`);
    expect(readFileSync(path.join(repo.root, ".gitignore"), "utf8")).toContain(ignoreEntry(CLAUDE_FILE));
  });

  it("a holder that lost its lock while stalled does not overwrite the newer save", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "first" } });
    const file = path.join(repo.root, CLAUDE_FILE);
    const newer = stringifyState(minimalState({ task: { description: "newer, written while the first one stalled" } }));
    await handoffError(
      () =>
        updateStateFile({
          root: repo.root,
          agent: AGENT,
          update: () => {
            // Meanwhile, another process judged the lock stale, took it and saved.
            writeFileSync(`${file}.lock`, `${process.pid + 1}\n${new Date().toISOString()}\nother\n`);
            writeFileSync(file, newer);
            return minimalState({ task: { description: "stale" } });
          },
        }),
      "E_LOCK_TIMEOUT",
    );
    expect(readFileSync(file, "utf8")).toBe(newer);
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("a state with bytes that are not UTF-8 is backed up before a refresh or a save rewrites it", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "caf_" } });
    const file = path.join(repo.root, CLAUDE_FILE);
    const original = Buffer.from(readFileSync(file, "utf8").replace("caf_", "caf\u0000"), "utf8");
    original[original.indexOf(0)] = 0xe9; // "café" in Latin-1: not UTF-8
    writeFileSync(file, original);
    expect(readStateFile(file)?.repairs.join("\n")).toContain("not UTF-8");

    await refreshExistingStateFile(repo.root, AGENT, (state) => state);
    const backups = () => readdirSync(path.dirname(file)).filter((name) => name.includes(".corrupt-"));
    expect(backups()).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(file), backups()[0]!)).equals(original)).toBe(true);

    writeFileSync(file, original);
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "next" } });
    expect(backups()).toHaveLength(2);
  });
});

describe("the .gitignore line", () => {
  it("is not added when a .gitignore of the repository already ignores the state and what lies beside it", async () => {
    const repo = createRepo();
    repo.commit("ignore", { ".gitignore": ".claude/\n" });
    expect(await ensureIgnored(repo.root, [CLAUDE_FILE])).toEqual([]);
    expect(readFileSync(path.join(repo.root, ".gitignore"), "utf8")).toBe(".claude/\n");
  });

  it("is added when only the state file itself is ignored: its backups and temporary files would be committed", async () => {
    const repo = createRepo();
    repo.commit("ignore", { ".gitignore": "**/.session-state.json\n" });
    expect(await ensureIgnored(repo.root, [CLAUDE_FILE])).toEqual([ignoreEntry(CLAUDE_FILE)]);
  });

  it("a .gitignore that cannot be updated does not fail a save that already wrote the state", async () => {
    const repo = createRepo();
    execFileSync("mkdir", [path.join(repo.root, ".gitignore")]);
    const result = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "kept" } });
    expect(result.ignoreFailed?.entry).toBe(ignoreEntry(CLAUDE_FILE));
    expect(result.ignoreFailed?.reason).toContain(".gitignore is a folder");
    expect(readStateFile(path.join(repo.root, CLAUDE_FILE))?.state.task?.description).toBe("kept");
  });
});
