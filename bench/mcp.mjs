#!/usr/bin/env node
// `handoff mcp`: how long an agent waits for the server, measured against node itself.
// Not a test: it prints ratios and one JSON line.
//
//   node bench/mcp.mjs [--rounds N]     (default 10; build first: pnpm run build)
//
// - start: spawning `handoff mcp` until its answer to `initialize` arrives, against spawning
//   `node -e 0` until it exits (target: at most 1.3x), interleaved, the order alternating; and,
//   for reference, a bare server of the same SDK build (dist/vendor/mcp-sdk.cjs) with no tool:
//   what the SDK alone costs; and a plain script that reads the request line and writes an answer
//   line with no SDK: what Node's own stdin and stdout cost a server.
//   On Linux, also the CPU time each server had used when it answered (all its threads, from
//   /proc/<pid>/task/*/schedstat), against the no-SDK script's: on a busy machine the wall times
//   wander by tens of percent, the CPU times by a few.
// - handoff_status: a tools/call round trip in a running server: the first call (which loads the
//   tool code) and the median of the calls after it, with `handoff status --json` for reference.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib/measure.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const HANDOFF = path.resolve(here, "../packages/cli/dist/cli.cjs");
const SDK = path.resolve(here, "../packages/cli/dist/vendor/mcp-sdk.cjs");
const BARE_SERVER = [
  `const { McpServer, StdioServerTransport } = require(${JSON.stringify(SDK)});`,
  `const server = new McpServer({ name: "handoff", version: "0" }, { jsonSchemaValidator: { getValidator() { throw new Error("unused"); } } });`,
  `server.connect(new StdioServerTransport());`,
  `process.stdin.once("end", () => server.close());`,
].join("\n");
/** Node's own floor for a stdio server: one line in, one line out, no SDK. */
const STDIO_ONLY = [
  `let text = "";`,
  `process.stdin.on("data", (chunk) => {`,
  `  text += chunk;`,
  `  if (!text.includes("\\n")) return;`,
  `  const { id } = JSON.parse(text.slice(0, text.indexOf("\\n")));`,
  `  process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id, result: { serverInfo: { name: "handoff" } } }) + "\\n");`,
  `});`,
].join("\n");
const NODE = process.execPath;
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1]) || 10;
const WARMUP = 2;
const TARGET = 1.3;

if (!existsSync(HANDOFF)) {
  console.error(`${HANDOFF} is missing: run \`pnpm run build\` first.`);
  process.exit(1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "handoff-bench-mcp-"));
const emptyConfig = path.join(tmp, "gitconfig");
writeFileSync(emptyConfig, "");
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: emptyConfig, NO_COLOR: "1", HANDOFF_OFFLINE: "1", XDG_CACHE_HOME: path.join(tmp, "cache") };
const repo = path.join(tmp, "repo");
const git = (...rest) => execFileSync("git", rest, { cwd: repo, env, stdio: "ignore" });
execFileSync("git", ["init", "-q", "-b", "main", repo], { env });
git("config", "user.name", "Bench");
git("config", "user.email", "bench@example.com");
writeFileSync(path.join(repo, "app.ts"), "export const app = 1;\n");
git("add", "app.ts");
git("commit", "-q", "-m", "An app");
spawnSync(NODE, [HANDOFF, "save", "claude", "--task", "Benchmark the MCP server"], { cwd: repo, env });

const message = (id, method, params = {}) => `${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`;
const INITIALIZE = message(1, "initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } });

/** A running `handoff mcp` and a way to wait for the answer to a request id. */
function startServer(command = [HANDOFF, "mcp"]) {
  const child = spawn(NODE, command, { cwd: repo, env, stdio: ["pipe", "pipe", "inherit"] });
  let buffer = "";
  const waiting = new Map();
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf("\n")) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const parsed = JSON.parse(line);
      waiting.get(parsed.id)?.(parsed);
    }
  });
  const request = (id, text) =>
    new Promise((resolve) => {
      waiting.set(id, resolve);
      child.stdin.write(text);
    });
  const stop = () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", resolve), child.stdin.end())));
  return { request, stop, pid: child.pid };
}

/** CPU milliseconds a running process has used so far, all its threads; undefined off Linux. */
function cpuSoFar(pid) {
  try {
    const threads = readdirSync(`/proc/${pid}/task`);
    return threads.reduce((sum, thread) => sum + Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, "utf8").split(" ")[0]) / 1e6, 0);
  } catch {
    return undefined;
  }
}

async function timeStart(command, side) {
  const start = process.hrtime.bigint();
  const server = startServer(command);
  const answer = await server.request(1, INITIALIZE);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = cpuSoFar(server.pid);
  if (answer.result?.serverInfo?.name !== "handoff") throw new Error(`unexpected answer: ${JSON.stringify(answer)}`);
  await server.stop();
  if (cpu !== undefined) cpuSamples[side].push(cpu);
  return ms;
}

function timeNode() {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => spawn(NODE, ["-e", "0"], { env }).once("exit", () => resolve(Number(process.hrtime.bigint() - start) / 1e6)));
}

const samples = { start: [], node: [], sdk: [], stdio: [] };
const cpuSamples = { start: [], sdk: [], stdio: [] };
const SIDES = {
  start: () => timeStart(undefined, "start"),
  node: timeNode,
  sdk: () => timeStart(["-e", BARE_SERVER], "sdk"),
  stdio: () => timeStart(["-e", STDIO_ONLY], "stdio"),
};
for (let round = 0; round < WARMUP + rounds; round++) {
  if (round === WARMUP) for (const side of Object.keys(cpuSamples)) cpuSamples[side].length = 0;
  const order = round % 2 === 0 ? ["start", "node", "sdk", "stdio"] : ["stdio", "sdk", "node", "start"];
  for (const side of order) {
    const ms = await SIDES[side]();
    if (round >= WARMUP) samples[side].push(ms);
  }
}

const server = startServer();
await server.request(1, INITIALIZE);
server.request(0, `${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
const calls = [];
for (let id = 2; id < 2 + rounds + 1; id++) {
  const start = process.hrtime.bigint();
  const answer = await server.request(id, message(id, "tools/call", { name: "handoff_status", arguments: {} }));
  calls.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (answer.result?.isError !== undefined && answer.result.isError) throw new Error(JSON.stringify(answer));
}
await server.stop();
const cli = [];
for (let round = 0; round < rounds; round++) {
  const start = process.hrtime.bigint();
  spawnSync(NODE, [HANDOFF, "status", "--json"], { cwd: repo, env });
  cli.push(Number(process.hrtime.bigint() - start) / 1e6);
}
rmSync(tmp, { recursive: true, force: true });

const start = median(samples.start);
const node = median(samples.node);
const sdk = median(samples.sdk);
const stdio = median(samples.stdio);
const result = {
  rounds,
  start_ms: +start.toFixed(1),
  node_ms: +node.toFixed(1),
  start_ratio: +(start / node).toFixed(2),
  start_target: TARGET,
  sdk_alone_ms: +sdk.toFixed(1),
  sdk_alone_ratio: +(sdk / node).toFixed(2),
  stdio_only_ms: +stdio.toFixed(1),
  stdio_only_ratio: +(stdio / node).toFixed(2),
  ...(cpuSamples.start.length && {
    cpu_start_ms: +median(cpuSamples.start).toFixed(1),
    cpu_sdk_alone_ms: +median(cpuSamples.sdk).toFixed(1),
    cpu_stdio_only_ms: +median(cpuSamples.stdio).toFixed(1),
    cpu_start_ratio: +(median(cpuSamples.start) / median(cpuSamples.stdio)).toFixed(2),
    cpu_sdk_alone_ratio: +(median(cpuSamples.sdk) / median(cpuSamples.stdio)).toFixed(2),
  }),
  status_first_call_ms: +calls[0].toFixed(1),
  status_call_ms: +median(calls.slice(1)).toFixed(1),
  cli_status_ms: +median(cli).toFixed(1),
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`handoff mcp: spawn → initialize answer ${fmt(start)} / node -e 0 ${fmt(node)} = ${result.start_ratio}x (target ≤ ${TARGET}x)`);
console.log(`the SDK alone (a bare server of the same build): ${fmt(sdk)} = ${result.sdk_alone_ratio}x node -e 0`);
console.log(`no SDK (a script answering one line on stdio): ${fmt(stdio)} = ${result.stdio_only_ratio}x node -e 0`);
if (result.cpu_start_ms !== undefined) {
  console.log(
    `CPU used by the answer: handoff mcp ${fmt(result.cpu_start_ms)}, the SDK alone ${fmt(result.cpu_sdk_alone_ms)}, no SDK ${fmt(result.cpu_stdio_only_ms)}` +
      ` (${result.cpu_start_ratio}x and ${result.cpu_sdk_alone_ratio}x the no-SDK script's)`,
  );
}
console.log(`handoff_status round trip: first call ${fmt(calls[0])}, then ${fmt(median(calls.slice(1)))} (handoff status --json: ${fmt(median(cli))})`);
console.log(JSON.stringify(result));
