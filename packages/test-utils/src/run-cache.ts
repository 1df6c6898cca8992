import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** How long an answer holds: one test run, not the next day's (a network comes and goes). */
const FRESH_MS = 10 * 60_000;

/**
 * `probe()`'s answer, asked once for all the test files of a run (each runs in its own worker, so
 * a module-level cache would ask once per file): kept in the system temp folder for ten minutes.
 */
export function cachedForRun<T>(name: string, probe: () => T): T {
  const file = path.join(os.tmpdir(), "handoff-test-probes", `${name}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as { at: number; value: T };
    if (Date.now() - cached.at < FRESH_MS) return cached.value;
  } catch {
    // not asked yet, or unreadable: ask
  }
  const value = probe();
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ at: Date.now(), value }));
  } catch {
    // a read-only temp folder: ask again next time
  }
  return value;
}
