import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir } from "@handoff/test-utils";
import { readGitSnapshot } from "../../src/git/snapshot.js";
import { stringifyState } from "../../src/parse/stringify.js";
import { openRepo } from "../../src/workflows/open-repo.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { refreshGitState } from "../../src/state/build.js";
import { withFileLock } from "../../src/store/lock.js";
import { readStateFile } from "../../src/store/read-state.js";
import { backupStateFile, refreshExistingStateFile, updateStateFile } from "../../src/store/state-file.js";
import { CLAUDE_FILE, deadPid, leftovers, minimalState } from "./helpers.js";

afterAll(cleanupTempDirs);

const AGENT = { file: CLAUDE_FILE };

describe("one writer at a time, atomically", () => {
  it("eight concurrent updates and refreshes leave one writer's whole content, and no temp or lock file", async () => {
    const repo = createRepo();
    const opened = await openRepo(repo.root);
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "first" } });
    const snapshot = await readGitSnapshot(opened.repo);
    const written: string[] = [];
    const updates = Array.from({ length: 8 }, (_, i) =>
      updateStateFile({
        root: repo.root,
        agent: AGENT,
        update: () => minimalState({ task: { description: `writer ${i} ${"x".repeat(2000 * i)}` } }),
      }).then((result) => written.push(stringifyState(result.state))),
    );
    const refreshes = Array.from({ length: 4 }, () =>
      refreshExistingStateFile(repo.root, AGENT, (state) => refreshGitState(state, snapshot)).then((state) => {
        if (state) written.push(stringifyState(state));
      }),
    );
    await Promise.all([...updates, ...refreshes]);
    const file = path.join(repo.root, CLAUDE_FILE);
    const final = readFileSync(file, "utf8");
    expect(written).toContain(final);
    expect(readStateFile(file)?.state).toBeDefined();
    expect(leftovers(path.dirname(file))).toEqual([]);
  });

  it("runs locked work strictly one after another", async () => {
    const file = path.join(makeTempDir(), "state.json");
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(file, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("makes a writer wait while another holds the lock", async () => {
    const repo = createRepo();
    const file = path.join(repo.root, CLAUDE_FILE);
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "before" } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const holding = new Promise<void>((resolve) => (entered = resolve));
    const holder = withFileLock(file, async () => {
      entered();
      await held;
    });
    await holding;
    const waiting = saveSession({ cwd: repo.root, agent: "claude", input: { task: "after" } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readStateFile(file)?.state.task?.description).toBe("before");
    release();
    await Promise.all([holder, waiting]);
    expect(readStateFile(file)?.state.task?.description).toBe("after");
  });
});

describe("stale locks", () => {
  it("takes over a lock whose process is gone", async () => {
    const repo = createRepo();
    const lock = path.join(repo.root, `${CLAUDE_FILE}.lock`);
    await saveSession({ cwd: repo.root, agent: "claude" });
    writeFileSync(lock, `${deadPid()}\n2026-01-05T12:30:00.000Z\n`);
    const result = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "recovered" } });
    expect(result.state.task?.description).toBe("recovered");
    expect(existsSync(lock)).toBe(false);
    expect(leftovers(path.dirname(lock))).toEqual([]);
  });

  it("takes over a lock untouched for long, even when its pid is alive (a reused pid)", async () => {
    const repo = createRepo();
    const lock = path.join(repo.root, `${CLAUDE_FILE}.lock`);
    await saveSession({ cwd: repo.root, agent: "claude" });
    writeFileSync(lock, `${process.pid}\nlong ago\n`);
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(lock, hourAgo, hourAgo);
    const result = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "recovered" } });
    expect(result.state.task?.description).toBe("recovered");
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock with no pid in it once it is old", async () => {
    const file = path.join(makeTempDir(), "state.json");
    writeFileSync(`${file}.lock`, "");
    const old = new Date(Date.now() - 3600_000);
    utimesSync(`${file}.lock`, old, old);
    expect(await withFileLock(file, () => "ran")).toBe("ran");
  });

  it("does not remove a lock it no longer holds", async () => {
    const file = path.join(makeTempDir(), "state.json");
    await withFileLock(file, () => {
      // Another process judged this lock stale and took it over meanwhile.
      writeFileSync(`${file}.lock`, "424242\nsomeone else\n");
    });
    expect(readFileSync(`${file}.lock`, "utf8")).toBe("424242\nsomeone else\n");
  });
});

describe("backups", () => {
  it("never lets a second backup in the same second overwrite the first", () => {
    const folder = makeTempDir();
    const file = path.join(folder, "state.json");
    const now = new Date("2026-01-05T12:30:00Z");
    writeFileSync(file, "first bad bytes");
    const first = backupStateFile(file, "corrupt", now);
    writeFileSync(file, "second bad bytes");
    const second = backupStateFile(file, "corrupt", now);
    expect(first).not.toBe(second);
    expect(readFileSync(first, "utf8")).toBe("first bad bytes");
    expect(readFileSync(second, "utf8")).toBe("second bad bytes");
    expect(path.basename(first)).toBe("state.json.corrupt-20260105T123000Z");
  });
});
