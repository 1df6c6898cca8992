#!/usr/bin/env node
// What the handoff hooks cost a git command, and how soon the state is fresh after it.
// Not a test: it prints a table and one JSON line (the last line on stdout) for bench/run.mjs.
//
//   node bench/hooks.mjs [--rounds N]     (needs the built CLI: `pnpm run build`)
//
// On a 10,000-file repository with 1% of the files changed it times, in interleaved rounds:
// - `git commit` with the handoff hooks installed vs the same commit with no hooks at all
//   (`git -c core.hooksPath=/dev/null commit`);
// - `git switch` between two branches 1% apart, likewise;
// - how long after git returns the background refresh has written the new HEAD / branch.
// Each measured command starts only once the previous refresh has finished, so that neither side
// pays for the other's background work.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median } from "./lib/measure.mjs";
import { createBenchRepo, settleIndex } from "./lib/repo.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const FILES = 10_000;
const SHARE = 0.01;
const WARMUP = 2;
const MAX_ROUNDS = 20;
/** Stop adding rounds once this much time went into measuring: the whole run stays under ~2 minutes. */
const BUDGET_MS = 75_000;
const LANDED_TIMEOUT_MS = 15_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text) => process.stderr.write(`${text}\n`);
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const round1 = (value) => Math.round(value * 10) / 10;
const round3 = (value) => Math.round(value * 1000) / 1000;

function runner(root, env) {
  const run = (args, options = {}) => {
    const result = spawnSync(args[0], args.slice(1), { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 28, ...options });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed (exit ${result.status}): ${result.stderr}`);
    return result.stdout;
  };
  /** Wall time of one git command, in ms. */
  const timed = (args) => {
    const start = process.hrtime.bigint();
    run(["git", ...args]);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  return { run, timed };
}

function readState(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, ".claude/.session-state.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** Polls until `landed()` holds; returns the ms from `since` (when git returned) to then. */
async function waitLanded(landed, since) {
  for (;;) {
    if (landed()) return Number(process.hrtime.bigint() - since) / 1e6;
    if (Number(process.hrtime.bigint() - since) / 1e6 > LANDED_TIMEOUT_MS) throw new Error("the background refresh never landed");
    await sleep(2);
  }
}

/** When the last background refresh finished (its record's mtime), or 0 before the first one. */
function refreshStamp(root) {
  try {
    return statSync(path.join(root, ".git/handoff/last-refresh.json")).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Waits until the refresh a hook started after `stampBefore` has finished and nothing is queued,
 * so that the next measurement runs on a quiet machine.
 */
async function waitQuiet(root, stampBefore) {
  const folder = path.join(root, ".git/handoff");
  const deadline = Date.now() + LANDED_TIMEOUT_MS;
  const busy = () =>
    refreshStamp(root) === stampBefore || existsSync(path.join(folder, "refresh.queued")) || existsSync(path.join(folder, "refresh.lock"));
  while (busy()) {
    if (Date.now() > deadline) throw new Error("a background refresh is still running");
    await sleep(5);
  }
  await sleep(60); // the refresh process exits just after it writes its record
}

function touchShare(root, offset, stamp) {
  const every = Math.round(1 / SHARE);
  for (let i = offset; i < FILES; i += every) {
    writeFileSync(path.join(root, "src", `d${Math.floor(i / 100)}`, `f${i}.ts`), `export const value${i} = "${stamp}";\n`);
  }
}

/**
 * Runs `rounds` interleaved rounds of `measure(side)` for side "hooks" and "bare", alternating
 * which goes first; stops early when the time budget is spent.
 */
async function interleaved(rounds, measure, deadline) {
  const samples = { hooks: [], bare: [], landed: [] };
  for (let round = 0; round < WARMUP + rounds; round++) {
    if (round >= WARMUP + 3 && Date.now() > deadline) break;
    const order = round % 2 === 0 ? ["hooks", "bare"] : ["bare", "hooks"];
    for (const side of order) {
      const { ms, landed } = await measure(side, round);
      if (round < WARMUP) continue;
      samples[side].push(ms);
      if (landed !== undefined) samples.landed.push(landed);
    }
  }
  return samples;
}

function summarize(samples) {
  const hooks = median(samples.hooks);
  const bare = median(samples.bare);
  return {
    withHooksMs: round1(hooks),
    withoutHooksMs: round1(bare),
    ratio: round3(hooks / bare),
    addedMs: round1(hooks - bare),
    refreshLandedMs: { median: round1(median(samples.landed)), max: round1(Math.max(...samples.landed)) },
    rounds: samples.hooks.length,
  };
}

export async function main({ rounds = 15, bin, tmp } = {}) {
  const cli = bin ?? process.env.HANDOFF_BIN ?? path.resolve(here, "../packages/cli/dist/cli.cjs");
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm run build\` first`);
  rounds = Math.min(Math.max(1, rounds), MAX_ROUNDS);
  const folder = mkdtempSync(path.join(tmp ?? process.env.HANDOFF_BENCH_TMP ?? os.tmpdir(), "handoff-hooks-bench-"));
  const emptyConfig = path.join(folder, "gitconfig");
  writeFileSync(emptyConfig, "");
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: emptyConfig, NO_COLOR: "1", XDG_CACHE_HOME: path.join(folder, "cache") };
  for (const key of Object.keys(env)) if (/^(GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|COMMON_DIR)|HANDOFF_(SKIP|DEBUG))$/.test(key)) delete env[key];

  try {
    const started = Date.now();
    const root = createBenchRepo(path.join(folder, "repo"), { files: FILES, modifiedShare: SHARE, env });
    const { run, timed } = runner(root, env);
    // A second branch 1% apart from main (other files than the 1% changed in the work tree).
    run(["git", "switch", "-q", "-c", "other"]);
    touchShare(root, 50, "other");
    run(["git", "add", "src"]);
    run(["git", "commit", "-q", "-m", "other branch"]);
    run(["git", "switch", "-q", "main"]);
    run([process.execPath, cli, "hooks", "install"]);
    run([process.execPath, cli, "save", "claude", "--task", "Benchmark the hooks"]);
    await settleIndex(root, env);
    log(`  built a ${FILES.toLocaleString("en")}-file repository with the hooks installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const deadline = Date.now() + BUDGET_MS;
    const half = () => deadline - BUDGET_MS / 2;

    log(`  git switch: ${rounds} interleaved rounds`);
    let branch = "main";
    const switches = await interleaved(
      rounds,
      async (side) => {
        branch = branch === "main" ? "other" : "main";
        const args = side === "hooks" ? ["switch", "-q", branch] : ["-c", "core.hooksPath=/dev/null", "switch", "-q", branch];
        const stamp = refreshStamp(root);
        const ms = timed(args);
        if (side === "bare") return { ms };
        const returned = process.hrtime.bigint();
        const target = branch;
        const landed = await waitLanded(() => readState(root)?.git?.branch === target, returned);
        await waitQuiet(root, stamp);
        return { ms, landed };
      },
      half(),
    );
    if (branch !== "main") run(["git", "-c", "core.hooksPath=/dev/null", "switch", "-q", "main"]);

    log(`  git commit: ${rounds} interleaved rounds`);
    const commits = await interleaved(
      rounds,
      async (side, round) => {
        touchShare(root, 0, `${side} ${round}`);
        run(["git", "add", "src"]);
        const args = side === "hooks" ? ["commit", "-q", "-m", `bench ${round}`] : ["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", `bench ${round}`];
        const stamp = refreshStamp(root);
        const ms = timed(args);
        if (side === "bare") return { ms };
        const returned = process.hrtime.bigint();
        const head = run(["git", "rev-parse", "--short", "HEAD"]).trim();
        const landed = await waitLanded(() => readState(root)?.git?.last_commit === head, returned);
        await waitQuiet(root, stamp);
        return { ms, landed };
      },
      deadline,
    );

    // The hook's own foreground cost, without git around it: what git waits for after a commit.
    log(`  the post-commit hook alone: ${rounds} interleaved rounds`);
    const hookFile = path.join(root, ".git/hooks/post-commit");
    const hookAlone = await interleaved(
      rounds,
      async (side) => {
        const stamp = refreshStamp(root);
        const start = process.hrtime.bigint();
        run(side === "hooks" ? [hookFile] : ["/bin/sh", "-c", ":"]);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (side === "hooks") await waitQuiet(root, stamp);
        return { ms };
      },
      Date.now() + 15_000,
    );

    const result = {
      files: FILES,
      modified: FILES * SHARE,
      commit: summarize(commits),
      switch: summarize(switches),
      hookAlone: { medianMs: round1(median(hookAlone.hooks)), emptyShellMs: round1(median(hookAlone.bare)) },
    };
    print(result);
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function print(result) {
  const rows = [
    ["git commit (1% of 10k files)", result.commit],
    ["git switch (branches 1% apart)", result.switch],
  ];
  console.log("\nhandoff hooks vs no hooks (medians of interleaved runs)");
  console.log(`${"command".padEnd(32)}${"hooks".padStart(10)}${"no hooks".padStart(10)}${"ratio".padStart(8)}${"added".padStart(10)}${"fresh after".padStart(14)}${"max".padStart(10)}`);
  for (const [name, figures] of rows) {
    console.log(
      `${name.padEnd(32)}${fmt(figures.withHooksMs).padStart(10)}${fmt(figures.withoutHooksMs).padStart(10)}${figures.ratio.toFixed(3).padStart(8)}` +
        `${fmt(figures.addedMs).padStart(10)}${fmt(figures.refreshLandedMs.median).padStart(14)}${fmt(figures.refreshLandedMs.max).padStart(10)}`,
    );
  }
  console.log(
    `${"post-commit hook alone".padEnd(32)}${fmt(result.hookAlone.medianMs).padStart(10)}${fmt(result.hookAlone.emptyShellMs).padStart(10)}` +
      `${"".padStart(8)}${fmt(result.hookAlone.medianMs - result.hookAlone.emptyShellMs).padStart(10)}   (vs an empty sh)`,
  );
  console.log('"fresh after": from git returning to the refreshed state on disk (the promise: within 2,000 ms)');
  console.log(
    JSON.stringify({
      bench: "hooks",
      files: result.files,
      commitRatio: result.commit.ratio,
      commitWithHooksMs: result.commit.withHooksMs,
      commitWithoutHooksMs: result.commit.withoutHooksMs,
      switchRatio: result.switch.ratio,
      switchWithHooksMs: result.switch.withHooksMs,
      switchWithoutHooksMs: result.switch.withoutHooksMs,
      refreshLandedMedianMs: Math.max(result.commit.refreshLandedMs.median, result.switch.refreshLandedMs.median),
      refreshLandedMaxMs: Math.max(result.commit.refreshLandedMs.max, result.switch.refreshLandedMs.max),
      hookAloneMs: result.hookAlone.medianMs,
      rounds: result.commit.rounds,
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--rounds");
  const rounds = at === -1 ? undefined : Number(args[at + 1]);
  log("handoff hooks bench");
  main({ rounds: Number.isFinite(rounds) ? rounds : undefined }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
