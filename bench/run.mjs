#!/usr/bin/env node
// `pnpm bench`: handoff measured against bare git, on repositories this script builds itself.
// Not a test: it prints ratios and writes them to bench/results/ so a regression shows in review.
//
//   node bench/run.mjs [--rounds N] [--quick] [--no-write] [--storm-rounds N] [--only storm]
//     --rounds N         interleaved rounds per pair (default 30)
//     --quick            skip the 100,000-file repository (growth curve stops at 10,000)
//     --no-write         print only; leave bench/results/ alone
//     --storm-rounds N   rounds of each storm per side (default 3: a storm is a few seconds)
//     --only storm       run the storm section alone
//     --storms a,b       only these storms (commits, rebase, switches)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { interleave, peakMemory, timeAlone } from "./lib/measure.mjs";
import { createBenchRepo, settleIndex } from "./lib/repo.mjs";
import { printStorm, runStorm, STORM_TARGETS } from "./lib/storm.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const HANDOFF = path.join(root, "packages/cli/dist/cli.cjs");
const FLOOR_SAVE = path.join(here, "floor-save.mjs");
const PRELOAD = path.join(here, "lib/max-rss-preload.mjs");
const NODE = process.execPath;

const USAGE = `usage: node bench/run.mjs [--rounds N] [--quick] [--no-write] [--storm-rounds N] [--only storm] [--storms a,b]
  (see the comment at the top of bench/run.mjs, and bench/README.md)`;
let values;
try {
  ({ values } = parseArgs({
    options: {
      rounds: { type: "string" },
      quick: { type: "boolean" },
      "no-write": { type: "boolean" },
      "storm-rounds": { type: "string" },
      only: { type: "string" },
      storms: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const rounds = Number(values.rounds) || 30;
const quick = values.quick === true;
const write = values["no-write"] !== true;
const stormRounds = Number(values["storm-rounds"]) || 3;
const stormNames = values.storms?.split(",");
const only = values.only;
if (only !== undefined && only !== "storm") {
  console.error(`--only takes one section: storm (got ${only})`);
  process.exit(2);
}

const TARGETS = { save: 1.15, restore: 1.05, status: 1.15, agents: 1.15, memoryMB: 80, growth: 1.25 };
const MAIN_SIZE = 10_000;
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const MODIFIED_SHARE = 0.01;

if (!existsSync(HANDOFF)) {
  console.error(`${HANDOFF} is missing: run \`pnpm bench\` (it builds first) or \`pnpm run build\`.`);
  process.exit(1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "handoff-bench-"));
const emptyConfig = path.join(tmp, "gitconfig");
writeFileSync(emptyConfig, "");
// The same environment for handoff and the floors: no user or system git config, no colours.
// Its own compiled-code cache (packages/cli/src/run-program.ts), written by the warm-up rounds of
// each measure: one left by a test run holds the code of other paths than the measured one.
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: emptyConfig, NO_COLOR: "1", XDG_CACHE_HOME: path.join(tmp, "cache") };
for (const key of Object.keys(env)) if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|COMMON_DIR)$/.test(key)) delete env[key];

const log = (text) => process.stderr.write(`${text}\n`);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function repoOf(files) {
  const started = Date.now();
  const dir = createBenchRepo(path.join(tmp, `repo-${files}`), { files, modifiedShare: MODIFIED_SHARE, env });
  await settleIndex(dir, env);
  log(`  built a ${files.toLocaleString("en")}-file repository in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

const handoff = (...rest) => [NODE, HANDOFF, ...rest];
const TASK = ["--task", "Benchmark the CLI", "--next", "compare with git"];

function mustRun(steps, cwd) {
  for (const [command, ...rest] of steps) execFileSync(command, rest, { cwd, env, stdio: "pipe", maxBuffer: 1 << 28 });
}

/** A restore that had to refresh was not measuring the fresh path: the run is void. */
function assertFresh(result) {
  if (/changed since this state was saved|refreshed/i.test(String(result.stderr))) {
    throw new Error(`restore refreshed the state: the fresh path was not measured.\n${result.stderr}`);
  }
}

/** `handoff status` and `handoff agents` with three saved agents, each against `node -e 0`: neither may load zod. */
function measureListings(repo) {
  for (const agent of ["claude", "codex", "gemini"]) mustRun([handoff("save", agent, ...TASK)], repo);
  const pairs = {};
  for (const command of ["status", "agents"]) {
    log(`\n== ${command} (three saved agents) vs node -e 0 ==`);
    pairs[command] = interleave({
      subject: { label: `handoff ${command}`, steps: [handoff(command)] },
      floor: { label: "node -e 0", steps: [[NODE, "-e", "0"]] },
      rounds,
      cwd: repo,
      env,
    });
    log(`  ${fmt(pairs[command].subject.median)} vs ${fmt(pairs[command].floor.median)}: ${pairs[command].ratio.toFixed(3)}x`);
  }
  return pairs;
}

function runHooksBench(repo) {
  const script = path.join(here, "hooks.mjs");
  if (!existsSync(script)) return { skipped: "bench/hooks.mjs does not exist yet" };
  log("\n== hooks (bench/hooks.mjs) ==");
  const result = spawnSync(NODE, [script, "--rounds", String(rounds)], {
    cwd: root,
    env: { ...env, HANDOFF_BENCH_TMP: tmp, HANDOFF_BENCH_REPO: repo, HANDOFF_BIN: HANDOFF },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  process.stdout.write(result.stdout ?? "");
  const lastJson = (result.stdout ?? "")
    .trim()
    .split("\n")
    .reverse()
    .find((line) => line.trim().startsWith("{"));
  let figures;
  try {
    figures = lastJson ? JSON.parse(lastJson) : undefined;
  } catch {
    figures = undefined;
  }
  return { exitCode: result.status, figures };
}

async function stormSection() {
  log(`\n== storms: ${stormRounds} rounds of each per side ==`);
  return runStorm({ rounds: stormRounds, bin: HANDOFF, tmp, env, log, only: stormNames });
}

/** `--only storm`: the storm section alone, written as its own result. */
async function stormOnly() {
  log(`handoff bench, storms only: node ${process.version}, in ${tmp}`);
  const storm = await stormSection();
  printStorm(storm);
  console.log(JSON.stringify({ bench: "storm", ...stormRatios(storm) }));
  if (write) saveResult({ section: "storm", stormRounds, stormTargets: STORM_TARGETS, storm }, "storm");
}

function stormRatios(storm) {
  if (storm.skipped) return { skipped: storm.skipped };
  const ratios = {};
  const settles = [];
  for (const name of ["commits", "rebase", "switches"]) {
    if (!storm[name]) continue;
    ratios[`${name}Wall`] = storm[name].wall.ratio;
    ratios[`${name}Cpu`] = storm[name].cpu.ratio;
    // the floor beside each: git running an empty sh hook per event
    ratios[`${name}EmptyHookWall`] = storm[name].emptyHooks.wallRatio;
    settles.push(storm[name].settleMs.max);
  }
  return { ...ratios, settleMaxMs: Math.max(...settles) };
}

/** Writes bench/results/<date>[-suffix].json, and latest.json for a full run. */
function saveResult(fields, suffix) {
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    git: execFileSync("git", ["--version"], { encoding: "utf8" }).trim(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}, ${os.cpus().length} CPUs`,
    commit: gitHead(),
    ...fields,
  };
  const folder = path.join(here, "results");
  mkdirSync(folder, { recursive: true });
  const name = `${result.date.slice(0, 19).replace(/:/g, "-")}Z${suffix ? `-${suffix}` : ""}.json`;
  const text = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(path.join(folder, name), text);
  if (!suffix) writeFileSync(path.join(folder, "latest.json"), text);
  log(`\nwrote bench/results/${name}${suffix ? "" : " and bench/results/latest.json"}`);
}

async function main() {
  log(`handoff bench: ${rounds} interleaved rounds per pair, node ${process.version}, in ${tmp}`);
  const repos = {};
  for (const size of SIZES) repos[size] = await repoOf(size);
  const main10k = repos[MAIN_SIZE];

  // Prime: the first save adds the state file to .gitignore; every measured save is a re-save.
  mustRun([handoff("save", "claude", ...TASK)], main10k);

  log("\n== save vs floor (10,000 files, 1% modified) ==");
  const save = interleave({
    subject: { label: "handoff save claude", steps: [handoff("save", "claude")] },
    floor: { label: "node + git status + git log -1", steps: [[NODE, FLOOR_SAVE]] },
    rounds,
    cwd: main10k,
    env,
  });
  log(`  ${fmt(save.subject.median)} vs ${fmt(save.floor.median)}: ${save.ratio.toFixed(3)}x`);

  log("\n== restore (fresh state) vs floor ==");
  mustRun([handoff("save", "claude")], main10k);
  mustRun([["git", "rev-parse", "HEAD"]], main10k);
  const restore = interleave({
    subject: { label: "handoff restore claude", steps: [handoff("restore", "claude")], check: assertFresh },
    floor: { label: "node -e 0; git rev-parse HEAD", steps: [[NODE, "-e", "0"], ["git", "rev-parse", "HEAD"]] },
    rounds: Math.round(rounds * 1.5),
    cwd: main10k,
    env,
  });
  log(`  ${fmt(restore.subject.median)} vs ${fmt(restore.floor.median)}: ${restore.ratio.toFixed(3)}x`);

  // In the smallest repository (neither command runs git), so the hooks bench still sees one state.
  const listings = measureListings(repos[SIZES[0]]);

  log("\n== peak memory of save (10,000 files) ==");
  const memory = peakMemory({ steps: [handoff("save", "claude")], rounds: 5, cwd: main10k, env, preload: PRELOAD });
  const floorMemory = peakMemory({ steps: [[NODE, FLOOR_SAVE]], rounds: 5, cwd: main10k, env, preload: PRELOAD });
  log(`  save ${memory.median.toFixed(1)} MB (max ${memory.max.toFixed(1)}), floor ${floorMemory.median.toFixed(1)} MB; ${memory.method}`);

  log("\n== growth: save and git status from 1,000 to 100,000 files ==");
  const growth = [];
  for (const size of SIZES) {
    const pair = interleave({
      subject: { label: "handoff save claude", steps: [handoff("save", "claude")] },
      floor: { label: "git status --porcelain=v2 -z --branch", steps: [["git", "status", "--porcelain=v2", "-z", "--branch"]] },
      rounds: size >= 100_000 ? Math.max(8, Math.round(rounds / 3)) : rounds,
      cwd: repos[size],
      env,
    });
    const empty = timeAlone({ steps: [[NODE, "-e", "0"]], rounds: 5, cwd: repos[size], env });
    growth.push({ files: size, save: pair.subject.median, gitStatus: pair.floor.median, nodeStart: empty.median });
    log(`  ${size.toLocaleString("en").padStart(7)} files: save ${fmt(pair.subject.median)}, git status ${fmt(pair.floor.median)}`);
  }
  const first = growth[0];
  const last = growth.at(-1);
  const growthRatio = (last.save - first.save) / Math.max(last.gitStatus - first.gitStatus, 0.001);

  const hooks = runHooksBench(main10k);
  const storm = await stormSection();

  const rows = [
    ["save (10k files, 1% modified)", save.subject.median, save.floor.median, save.ratio, TARGETS.save],
    ["restore, fresh state", restore.subject.median, restore.floor.median, restore.ratio, TARGETS.restore],
    ["status, three agents", listings.status.subject.median, listings.status.floor.median, listings.status.ratio, TARGETS.status],
    ["agents", listings.agents.subject.median, listings.agents.floor.median, listings.agents.ratio, TARGETS.agents],
  ];
  console.log("\nhandoff vs bare git (medians of interleaved runs)");
  console.log(`${"measure".padEnd(32)}${"handoff".padStart(11)}${"floor".padStart(11)}${"ratio".padStart(9)}${"target".padStart(9)}`);
  for (const [name, subject, floor, ratio, target] of rows) {
    const verdict = ratio <= target ? "ok" : "OVER";
    console.log(
      `${name.padEnd(32)}${fmt(subject).padStart(11)}${fmt(floor).padStart(11)}${ratio.toFixed(3).padStart(9)}${`≤${target}`.padStart(9)}  ${verdict}`,
    );
  }
  console.log(
    `${"peak memory of save".padEnd(32)}${`${memory.median.toFixed(1)} MB`.padStart(11)}${`${floorMemory.median.toFixed(1)} MB`.padStart(11)}${"".padStart(9)}${`<${TARGETS.memoryMB} MB`.padStart(9)}  ${memory.max < TARGETS.memoryMB ? "ok" : "OVER"}`,
  );
  console.log("\ngrowth (medians)      files   handoff save   git status   node -e 0");
  for (const point of growth) {
    console.log(`${"".padEnd(16)}${point.files.toLocaleString("en").padStart(11)}${fmt(point.save).padStart(15)}${fmt(point.gitStatus).padStart(13)}${fmt(point.nodeStart).padStart(12)}`);
  }
  console.log(
    `save grew ${fmt(last.save - first.save)} while git status grew ${fmt(last.gitStatus - first.gitStatus)}: ${growthRatio.toFixed(2)}x (target ≤${TARGETS.growth}, i.e. no faster than git status within noise)`,
  );

  printStorm(storm);

  const ratios = {
    save: round3(save.ratio),
    restore: round3(restore.ratio),
    status: round3(listings.status.ratio),
    agents: round3(listings.agents.ratio),
    saveMemoryMB: round1(memory.max),
    growth: round3(growthRatio),
    storm: stormRatios(storm),
  };
  console.log(JSON.stringify(ratios));

  if (write) {
    saveResult({
      rounds,
      targets: { ...TARGETS, storm: STORM_TARGETS },
      ratios,
      save: summary(save),
      restore: summary(restore),
      status: summary(listings.status),
      agents: summary(listings.agents),
      memory: { save: memory, floor: floorMemory },
      growth,
      hooks,
      storm: { rounds: stormRounds, ...storm },
    });
  }
}

function round3(value) {
  return Math.round(value * 1000) / 1000;
}
function round1(value) {
  return Math.round(value * 10) / 10;
}
function summary(pair) {
  return {
    handoff: { label: pair.subject.label, medianMs: round1(pair.subject.median) },
    floor: { label: pair.floor.label, medianMs: round1(pair.floor.median) },
    ratio: round3(pair.ratio),
  };
}
function gitHead() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

try {
  await (only === "storm" ? stormOnly() : main());
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
