// Which engine reads an agent's SQLite store faster on a Node.js that has both: node:sqlite
// (in place, WAL included) or sql.js (the file copied into WebAssembly memory, as on Node 20)?
// Builds an opencode.db-sized store (`--messages N`, default 3000 messages of ~2 kB), then runs
// each engine in fresh processes, interleaved, and prints the medians and their ratio.
// Needs node:sqlite (Node 22.13+) to build the store: run it with such a node, or it fetches
// Node 22 with npx. Usage: node bench/sqlite-engines.mjs [--rounds N] [--messages N]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const rounds = arg("--rounds", 10);
const messages = arg("--messages", 3000);
const sqlJsWasmJs = createRequire(import.meta.url).resolve("sql.js/dist/sql-wasm.js", { paths: [path.resolve("packages/core")] });

const has = (node) => spawnSync(node, ["-e", "process.getBuiltinModule?.('node:sqlite') || process.exit(1)"]).status === 0;
const node22 = has(process.execPath) ? process.execPath : execFileSync("npx", ["-y", "-p", "node@22", "node", "-p", "process.execPath"], { encoding: "utf8" }).trim();

const dir = mkdtempSync(path.join(os.tmpdir(), "handoff-bench-sqlite-"));
const file = path.join(dir, "opencode.db");
execFileSync(node22, ["-e", `
  const { DatabaseSync } = require("node:sqlite");
  const db = new DatabaseSync(${JSON.stringify(file)});
  db.exec("PRAGMA journal_mode = WAL; CREATE TABLE session (id TEXT PRIMARY KEY, directory TEXT, time_updated INTEGER); CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT, data TEXT);");
  const body = "x".repeat(2000);
  db.exec("BEGIN");
  for (let s = 0; s < 50; s++) db.prepare("INSERT INTO session VALUES (?, ?, ?)").run("s" + s, "/repo/" + s, s);
  for (let m = 0; m < ${messages}; m++) db.prepare("INSERT INTO message VALUES (?, ?, ?)").run("m" + m, "s" + (m % 50), JSON.stringify({ role: "user", text: body }));
  db.exec("COMMIT");
  db.close();
`]);

const QUERY = "SELECT count(*) AS n, sum(length(data)) AS bytes FROM message WHERE session_id = 's7'";
const scripts = {
  "node:sqlite": `const { DatabaseSync } = require("node:sqlite"); const db = new DatabaseSync(${JSON.stringify(file)}, { readOnly: true }); db.prepare(${JSON.stringify(QUERY)}).all(); db.close();`,
  "sql.js": `const fs = require("node:fs"); require(${JSON.stringify(sqlJsWasmJs)})().then((SQL) => { const db = new SQL.Database(fs.readFileSync(${JSON.stringify(file)})); db.exec(${JSON.stringify(QUERY)}); db.close(); });`,
};
const time = (script) => {
  const start = process.hrtime.bigint();
  const run = spawnSync(node22, ["--no-warnings", "-e", script]);
  if (run.status !== 0) throw new Error(run.stderr.toString());
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const samples = { "node:sqlite": [], "sql.js": [] };
for (let round = 0; round < rounds + 2; round++) {
  const order = round % 2 ? ["sql.js", "node:sqlite"] : ["node:sqlite", "sql.js"];
  for (const engine of order) {
    const ms = time(scripts[engine]);
    if (round >= 2) samples[engine].push(ms);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const native = median(samples["node:sqlite"]);
const wasm = median(samples["sql.js"]);
console.log(`store: ${(statSync(file).size / 1048576).toFixed(1)} MB, ${messages} messages; node ${execFileSync(node22, ["-v"], { encoding: "utf8" }).trim()}; ${rounds} rounds`);
console.log(`node:sqlite ${native.toFixed(1)} ms, sql.js ${wasm.toFixed(1)} ms (whole process): sql.js / node:sqlite = ${(wasm / native).toFixed(2)}x`);
console.log(JSON.stringify({ sqlite: { nodeSqliteMs: native, sqlJsMs: wasm, ratio: wasm / native, megabytes: statSync(file).size / 1048576 } }));
rmSync(dir, { recursive: true, force: true });
