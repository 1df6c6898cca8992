import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** One sample: the wall time of running `steps` one after the other. */
function timeSteps(steps, cwd, env, check) {
  const start = process.hrtime.bigint();
  const results = [];
  for (const [command, ...args] of steps) {
    const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
    results.push(result);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  for (const [index, result] of results.entries()) {
    if (result.error || result.status !== 0) {
      throw new Error(`${steps[index].join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
    }
    check?.(result);
  }
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs the subject and its floor in turns, alternating which goes first each round, so that
 * noise from the machine (other processes, CPU frequency, caches) falls on both alike.
 */
export function interleave({ subject, floor, rounds, warmup = 3, cwd, env }) {
  const samples = { subject: [], floor: [] };
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 === 0 ? ["subject", "floor"] : ["floor", "subject"];
    for (const side of order) {
      const spec = side === "subject" ? subject : floor;
      const ms = timeSteps(spec.steps, cwd, env, spec.check);
      if (round >= warmup) samples[side].push(ms);
    }
  }
  return {
    subject: { label: subject.label, median: median(samples.subject), samples: samples.subject },
    floor: { label: floor.label, median: median(samples.floor), samples: samples.floor },
    ratio: median(samples.subject) / median(samples.floor),
  };
}

/** Median wall time of one command alone. */
export function timeAlone({ steps, rounds, warmup = 2, cwd, env }) {
  const samples = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const ms = timeSteps(steps, cwd, env);
    if (round >= warmup) samples.push(ms);
  }
  return { median: median(samples), samples };
}

const GNU_TIME = "/usr/bin/time";

/**
 * Peak resident memory of a command, in MB. GNU time's `%M` is the maximum RSS of the process
 * (and of the children it waited for, git included); without it, a preload reports node's own
 * `process.resourceUsage().maxRSS`, which leaves the git children out.
 */
export function peakMemory({ steps, rounds, cwd, env, preload }) {
  const peaks = [];
  const method = existsSync(GNU_TIME) ? "GNU time %M (node and its git children)" : "process.resourceUsage().maxRSS preload (node only)";
  for (let round = 0; round < rounds; round++) {
    let kilobytes = 0;
    for (const [command, ...args] of steps) {
      const result = existsSync(GNU_TIME)
        ? spawnSync(GNU_TIME, ["-f", "%M", command, ...args], { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 })
        : spawnSync(command, [`--import=${preload}`, ...args], { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 });
      if (result.status !== 0) throw new Error(`${steps.join(" ")} failed: ${result.stderr}`);
      const lines = result.stderr.trim().split("\n");
      const found = existsSync(GNU_TIME) ? Number(lines.at(-1)) : Number(/maxRSS=(\d+)/.exec(result.stderr)?.[1]);
      kilobytes = Math.max(kilobytes, found);
    }
    peaks.push(kilobytes / 1024);
  }
  return { method, median: median(peaks), max: Math.max(...peaks) };
}
