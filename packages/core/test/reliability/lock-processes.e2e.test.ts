import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { deadPid, leftovers } from "./helpers.js";

afterAll(cleanupTempDirs);

/** The built @handoff/core: real separate processes compete for the lock, as users' commands and hooks do. */
const CORE_DIST = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/internal.js")).href;

const WORKER = `
import { appendFileSync } from "node:fs";
const { withFileLock } = await import(process.env.CORE_DIST);
const [file, log, rounds] = process.argv.slice(1);
for (let round = 0; round < Number(rounds); round++) {
  await withFileLock(file, async () => {
    appendFileSync(log, "in " + process.pid + "\\n");
    await new Promise((resolve) => setTimeout(resolve, 3));
    appendFileSync(log, "out " + process.pid + "\\n");
  });
}
`;

function runWorker(file: string, log: string, rounds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", WORKER, file, log, String(rounds)], {
      env: { ...process.env, CORE_DIST },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? -1));
  });
}

describe("the state lock across processes", () => {
  it("never lets two processes in at once, starting from a stale lock left by a killed one", async () => {
    const folder = makeTempDir();
    const file = path.join(folder, "state.json");
    const log = path.join(folder, "log.txt");
    writeFileSync(`${file}.lock`, `${deadPid()}\n2026-01-05T12:30:00.000Z\n`);
    const codes = await Promise.all(Array.from({ length: 6 }, () => runWorker(file, log, 4)));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(6 * 4 * 2);
    for (let i = 0; i < lines.length; i += 2) {
      const pid = lines[i]!.split(" ")[1];
      expect([lines[i], lines[i + 1]]).toEqual([`in ${pid}`, `out ${pid}`]);
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(leftovers(folder)).toEqual([]);
  });
});
