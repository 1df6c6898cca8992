import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir, nodeWithSqlite } from "@handoff/test-utils";
import { openSqlite, sqliteEngine, withSqlite } from "../../src/sessions/sqlite/open.js";
import { applyWal } from "../../src/sessions/sqlite/wal.js";

afterAll(cleanupTempDirs);

/**
 * A database the way an agent leaves it while it runs: WAL mode, the latest transaction only in
 * `<file>-wal` (no checkpoint), written by real SQLite (Node 22's node:sqlite; the process exits
 * without closing, as a running agent would not have closed it yet).
 */
const WRITER = `
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(process.argv[1]);
db.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
db.exec("CREATE TABLE session (id TEXT PRIMARY KEY, title TEXT); INSERT INTO session VALUES ('a', 'checkpointed');");
db.exec("PRAGMA wal_checkpoint(TRUNCATE);");
db.exec("INSERT INTO session VALUES ('b', 'only in the WAL'); UPDATE session SET title = 'renamed in the WAL' WHERE id = 'a';");
process.exit(0);
`;

const sqliteNode = nodeWithSqlite();

function liveDatabase(): string {
  const file = path.join(makeTempDir("handoff-sqlite-"), "store.db");
  execFileSync(sqliteNode!, ["-e", WRITER, file], { stdio: "pipe" });
  return file;
}

describe("reading SQLite stores on any supported Node.js", () => {
  it(`uses node:sqlite where this Node.js has it, else sql.js (here: ${sqliteEngine()})`, () => {
    const hasNodeSqlite = Boolean((process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.("node:sqlite"));
    expect(sqliteEngine()).toBe(hasNodeSqlite ? "node:sqlite" : "sql.js");
  });

  it.skipIf(!sqliteNode)("sees the transactions still in the WAL, and writes nothing", async () => {
    const file = liveDatabase();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const before = [file, `${file}-wal`].map((name) => readFileSync(name).toString("base64"));
    const rows = await withSqlite(file, (db) => db.prepare("SELECT id, title FROM session ORDER BY id").all());
    expect(rows).toEqual([
      { id: "a", title: "renamed in the WAL" },
      { id: "b", title: "only in the WAL" },
    ]);
    expect([file, `${file}-wal`].map((name) => readFileSync(name).toString("base64"))).toEqual(before);
  });

  it.skipIf(!sqliteNode)("ignores a torn WAL frame (bad checksum) and keeps what was committed before it", () => {
    const file = liveDatabase();
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const frames = (wal.length - 32) / (24 + pageSize);
    expect(frames).toBeGreaterThan(0);
    const torn = Buffer.from(wal);
    torn[32 + 24 + 10] = torn[32 + 24 + 10]! ^ 0xff; // the first frame's page, so its checksum fails
    const merged = applyWal(new Uint8Array(readFileSync(file)), new Uint8Array(torn));
    expect(Buffer.from(merged.subarray(0, 100)).equals(readFileSync(file).subarray(0, 100).fill(1, 18, 20))).toBe(true);
    expect(merged.length).toBe(readFileSync(file).length);
  });

  it("says a file that is not SQLite cannot be read, and that a missing one is not there", async () => {
    const dir = makeTempDir("handoff-sqlite-");
    writeFileSync(path.join(dir, "bad.db"), "this is plain text, not a SQLite database at all, long enough for a header");
    await expect(withSqlite(path.join(dir, "bad.db"), (db) => db.prepare("SELECT 1").all())).rejects.toThrow(/not a database|file is not a database/i);
    expect(await openSqlite(path.join(dir, "missing.db"))).toBeUndefined();
  });
});
