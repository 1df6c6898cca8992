// The hooks under storms: what a loop of commits, a long rebase and rapid branch switches cost
// with the handoff hooks installed against the same commands with no hooks at all, counting the
// CPU of the detached refreshes (bench/lib/reap.py collects them), and how soon after the storm
// every state is on HEAD. Used by bench/run.mjs (the storm section).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./measure.mjs";
import { createBenchRepo, settleIndex } from "./repo.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const REAP = path.join(here, "reap.py");
const FILES = 10_000;
const COMMITS = 200;
const REBASED = 100;
const SWITCHES = 50;
/** bench/README.md: the issue's targets; rebase and switches are held to their wall time, their CPU is reported. */
export const STORM_TARGETS = { commitsWall: 1.2, commitsCpu: 1.3, rebase: 1.15, switches: 1.15, settleMs: 1000 };

const NO_HOOKS = "git -c core.hooksPath=/dev/null";
/** The floor of any installed hook: git running an empty `sh` script for each event. */
const EMPTY_HOOKS = "git -c core.hooksPath=.git/empty-hooks";
const SIDES = ["hooks", "none", "empty"];

/** The shell loops, one per scenario; `$GIT` is plain `git` or git with no hooks. */
const SCRIPTS = {
  commits: `for i in $(seq 1 ${COMMITS}); do echo "$i $STAMP" > storm.txt; git add storm.txt; $GIT commit -q -m "storm $i"; done`,
  rebase: `$GIT rebase -q storm-onto`,
  switches: `for i in $(seq 1 ${SWITCHES / 2}); do $GIT switch -q main; $GIT switch -q storm-other; done`,
};

/** Unmeasured set-up before each run of a scenario, with the hooks off. */
const PREPARE = {
  commits: [`${NO_HOOKS} switch -q main`],
  rebase: [`${NO_HOOKS} switch -q -C storm-rebase storm-feature`],
  switches: [`${NO_HOOKS} switch -q storm-other`],
};

function pythonAvailable() {
  return spawnSync("python3", ["-c", "import ctypes, resource"], { stdio: "ignore" }).status === 0;
}

function buildRepo(root, { env, bin }) {
  createBenchRepo(root, { files: FILES, modifiedShare: 0.01, env });
  const sh = (script) => execFileSync("sh", ["-c", script], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26 });
  sh("git add -A && git commit -q -m 'the 1% change'");
  // storm-other: 1% of the files apart from main, for the switches.
  sh(`${NO_HOOKS} switch -q -c storm-other && for i in $(seq 0 100 ${FILES - 1}); do echo "other $i" > src/d$((i / 100))/f$i.ts; done && git add -A && ${NO_HOOKS} commit -q -m other && ${NO_HOOKS} switch -q main`);
  // storm-feature: ${REBASED} commits on the old main; storm-onto: main one commit further.
  sh(`${NO_HOOKS} switch -q -c storm-feature && mkdir -p feature && for i in $(seq 1 ${REBASED}); do echo $i > feature/f$i.txt; git add feature/f$i.txt; ${NO_HOOKS} commit -q -m "feature $i"; done`);
  sh(`${NO_HOOKS} switch -q main && ${NO_HOOKS} switch -q -c storm-onto && echo onto > onto.txt && git add onto.txt && ${NO_HOOKS} commit -q -m onto && ${NO_HOOKS} switch -q main`);
  sh("mkdir .git/empty-hooks && for h in post-commit post-checkout post-merge post-rewrite; do printf '#!/bin/sh\\n:\\n' > .git/empty-hooks/$h; chmod +x .git/empty-hooks/$h; done");
  execFileSync(process.execPath, [bin, "hooks", "install"], { cwd: root, env, stdio: "ignore" });
  execFileSync(process.execPath, [bin, "save", "claude", "--task", "Weather the storm"], { cwd: root, env, stdio: "ignore" });
  sh(`git add .gitignore && ${NO_HOOKS} commit -q -m "ignore the state"`);
}

function reap(root, env, script, side, stateFile) {
  const result = spawnSync("python3", [REAP, side === "hooks" ? stateFile : "-", "sh", "-c", script], {
    cwd: root,
    env: { ...env, GIT: { hooks: "git", none: NO_HOOKS, empty: EMPTY_HOOKS }[side], STAMP: `${side} ${Date.now()}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`storm run failed (${side}): ${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

const round1 = (value) => Math.round(value * 10) / 10;
const round3 = (value) => Math.round(value * 1000) / 1000;

/**
 * Runs each scenario `rounds` times per side, interleaved (the side that goes first alternates
 * each round), and returns medians and ratios.
 */
export async function runStorm({ rounds, bin, tmp, env, log, only }) {
  if (!pythonAvailable()) return { skipped: "python3 is needed to count the CPU of the detached refreshes (bench/lib/reap.py)" };
  const root = path.join(tmp, "storm");
  const started = Date.now();
  buildRepo(root, { env, bin });
  await settleIndex(root, env);
  log(`  built a ${FILES.toLocaleString("en")}-file repository with the hooks installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const stateFile = path.join(root, ".claude/.session-state.json");
  const results = {};
  for (const scenario of Object.keys(SCRIPTS).filter((name) => !only || only.includes(name))) {
    const samples = { hooks: [], none: [], empty: [] };
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 === 0 ? SIDES : [...SIDES].reverse()) {
        for (const step of PREPARE[scenario]) execFileSync("sh", ["-c", step], { cwd: root, env, stdio: "ignore" });
        samples[side].push(reap(root, env, SCRIPTS[scenario], side, stateFile));
      }
    }
    const pick = (side, key) => median(samples[side].map((sample) => sample[key]));
    const settles = samples.hooks.map((sample) => sample.settle);
    results[scenario] = {
      wall: { hooksMs: round1(pick("hooks", "wall")), noneMs: round1(pick("none", "wall")), ratio: round3(pick("hooks", "wall") / pick("none", "wall")) },
      cpu: { hooksMs: round1(pick("hooks", "cpu")), noneMs: round1(pick("none", "cpu")), ratio: round3(pick("hooks", "cpu") / pick("none", "cpu")) },
      settleMs: { median: round1(median(settles)), max: round1(Math.max(...settles)) },
      // git running an empty hook script for each event: the least any installed hook costs.
      emptyHooks: {
        wallMs: round1(pick("empty", "wall")),
        cpuMs: round1(pick("empty", "cpu")),
        wallRatio: round3(pick("empty", "wall") / pick("none", "wall")),
        cpuRatio: round3(pick("empty", "cpu") / pick("none", "cpu")),
        // what handoff adds to that floor: the hooks' wall time against the empty hook's
        hooksOverWall: round3(pick("hooks", "wall") / pick("empty", "wall")),
      },
      rounds,
    };
    const r = results[scenario];
    log(
      `  ${scenario}: wall ${r.wall.ratio}x, CPU ${r.cpu.ratio}x, settled in ${r.settleMs.median} ms (max ${r.settleMs.max}); empty hooks: wall ${r.emptyHooks.wallRatio}x, CPU ${r.emptyHooks.cpuRatio}x; hooks / empty hooks: wall ${r.emptyHooks.hooksOverWall}x`,
    );
  }
  return { files: FILES, sizes: { commits: COMMITS, rebased: REBASED, switches: SWITCHES }, ...results };
}

export function printStorm(storm) {
  if (storm.skipped) {
    console.log(`\nstorm: skipped (${storm.skipped})`);
    return;
  }
  const t = STORM_TARGETS;
  const rows = [
    [`${storm.sizes.commits} commits in a loop`, storm.commits, t.commitsWall, t.commitsCpu],
    [`rebase of ${storm.sizes.rebased} commits`, storm.rebase, t.rebase, undefined],
    [`${storm.sizes.switches} branch switches`, storm.switches, t.switches, undefined],
  ].filter((row) => row[1]);
  console.log(`\nstorms on a ${storm.files.toLocaleString("en")}-file repository: hooks vs no hooks (medians; CPU counts the detached refreshes)`);
  console.log("floor: git running an empty `sh` hook per event instead, the least any installed hook costs; ÷floor: hooks' wall / the floor's");
  console.log(
    `${"storm".padEnd(26)}${"wall hooks".padStart(12)}${"none".padStart(10)}${"ratio".padStart(8)}${"floor".padStart(8)}${"÷floor".padStart(8)}` +
      `${"CPU hooks".padStart(12)}${"none".padStart(10)}${"ratio".padStart(8)}${"floor".padStart(8)}${"settled".padStart(10)}${"max".padStart(8)}`,
  );
  for (const [name, r, wallTarget, cpuTarget] of rows) {
    const met = r.wall.ratio <= wallTarget && (cpuTarget === undefined || r.cpu.ratio <= cpuTarget) && r.settleMs.max <= t.settleMs;
    // A target under the empty hook's own ratio cannot be met by any hook git starts: say so beside the verdict.
    const underFloor = r.emptyHooks.wallRatio > wallTarget ? `; the target is under the empty hook's ${r.emptyHooks.wallRatio.toFixed(3)}x` : "";
    console.log(
      `${name.padEnd(26)}${`${r.wall.hooksMs} ms`.padStart(12)}${`${r.wall.noneMs} ms`.padStart(10)}${r.wall.ratio.toFixed(3).padStart(8)}${r.emptyHooks.wallRatio.toFixed(3).padStart(8)}${r.emptyHooks.hooksOverWall.toFixed(3).padStart(8)}` +
        `${`${r.cpu.hooksMs} ms`.padStart(12)}${`${r.cpu.noneMs} ms`.padStart(10)}${r.cpu.ratio.toFixed(3).padStart(8)}${r.emptyHooks.cpuRatio.toFixed(3).padStart(8)}` +
        `${`${r.settleMs.median} ms`.padStart(10)}${`${r.settleMs.max}`.padStart(8)}  ${met ? "ok" : "OVER"} (≤${wallTarget}x wall${cpuTarget ? `, ≤${cpuTarget}x CPU` : ""}, settled ≤${t.settleMs} ms${underFloor})`,
    );
  }
}
