import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { applyWal } from "./wal.js";

/**
 * Reads another program's SQLite database, read-only. Node's own `node:sqlite` (22.13 and newer)
 * opens the file in place, WAL included; on older Node.js (20.19) sql.js, SQLite compiled to
 * WebAssembly and shipped in its npm package, reads a copy held in memory, capped in size, with
 * the WAL applied (wal.ts). Neither engine writes to the file.
 */
export type SqliteRow = Record<string, unknown>;

export interface SqliteStatement {
  all(...parameters: unknown[]): SqliteRow[];
  get(...parameters: unknown[]): SqliteRow | undefined;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}

/** The largest database (and WAL) the in-memory engine copies; bigger ones are reported, not read. */
export const MAX_SQLITE_BYTES = 512 * 1024 * 1024;

interface NodeSqlite {
  DatabaseSync: new (file: string, options: { readOnly: boolean }) => SqliteDatabase;
}

/** `node:sqlite` when this Node.js has it without a flag; its experimental-warning note is held back. */
function nodeSqlite(): NodeSqlite | undefined {
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(process), and put back as it was
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning).includes("SQLite")) (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  });
  try {
    return getBuiltinModule?.call(process, "node:sqlite") as NodeSqlite | undefined;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/**
 * Whether `file` is there to be read: false when it does not exist, an error when it is not a
 * regular file (a FIFO placed in a repository would block the read forever).
 */
function isThere(file: string): boolean {
  let info;
  try {
    info = statSync(file);
  } catch {
    return false;
  }
  if (!info.isFile()) throw new Error(`${file} is not a regular file`);
  return true;
}

/** The whole of `file`, or undefined when it does not exist; an error when it is larger than the cap. */
function readCapped(file: string): Uint8Array | undefined {
  if (!isThere(file)) return undefined;
  const fd = openSync(file, "r");
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_SQLITE_BYTES) throw new Error(`${file} is ${Math.round(size / 1048576)} MB, over the ${MAX_SQLITE_BYTES / 1048576} MB handoff reads on this Node.js (Node.js 22.13 or newer reads it in place)`);
    const buffer = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const read = readSync(fd, buffer, at, size - at, at);
      if (read === 0) break;
      at += read;
    }
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

type SqlJsStatic = Awaited<ReturnType<typeof import("sql.js")["default"]>>;
let sqlJs: Promise<SqlJsStatic> | undefined;

/** sql.js, loaded on first use only: most runs never open a database. */
async function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= import("sql.js").then((module) => {
    // ESM, CommonJS and the CLI's bundle wrap the init function in one or two `default`s.
    let init: unknown = module;
    while (typeof init !== "function" && init && typeof init === "object" && "default" in init) init = (init).default;
    return (init as typeof module.default)();
  });
  return sqlJs;
}

function sqlJsDatabase(SQL: SqlJsStatic, bytes: Uint8Array): SqliteDatabase {
  const db = new SQL.Database(bytes);
  const run = (sql: string, parameters: unknown[], limit: number): SqliteRow[] => {
    const statement = db.prepare(sql);
    try {
      statement.bind(parameters as never);
      const rows: SqliteRow[] = [];
      while (rows.length < limit && statement.step()) rows.push(statement.getAsObject());
      return rows;
    } finally {
      statement.free();
    }
  };
  return {
    prepare: (sql) => ({ all: (...parameters) => run(sql, parameters, Infinity), get: (...parameters) => run(sql, parameters, 1)[0] }),
    close: () => db.close(),
  };
}

export type SqliteEngine = "node:sqlite" | "sql.js";

/** Which engine `openSqlite` uses on this Node.js. */
export function sqliteEngine(): SqliteEngine {
  return nodeSqlite() ? "node:sqlite" : "sql.js";
}

/**
 * `file` opened read-only, or undefined when there is no such file. Throws when the file is not a
 * SQLite database or is too large to copy; the caller turns that into a note naming the file.
 */
export async function openSqlite(file: string): Promise<SqliteDatabase | undefined> {
  const native = nodeSqlite();
  if (native) {
    if (!isThere(file)) return undefined;
    isThere(`${file}-wal`); // throws when the WAL beside it is not a regular file either
    return new native.DatabaseSync(file, { readOnly: true });
  }
  const bytes = readCapped(file);
  if (bytes === undefined) return undefined;
  const SQL = await loadSqlJs();
  return sqlJsDatabase(SQL, applyWal(bytes, readCapped(`${file}-wal`)));
}

/** Runs `work` on the database and closes it; undefined when there is no such file. */
export async function withSqlite<T>(file: string, work: (db: SqliteDatabase) => T): Promise<T | undefined> {
  const db = await openSqlite(file);
  if (!db) return undefined;
  try {
    return work(db);
  } finally {
    db.close();
  }
}
