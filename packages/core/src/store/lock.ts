import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { HandoffError } from "../errors.js";

const STALE_AFTER_MS = 30_000;
const WAIT_LIMIT_MS = 10_000;
const POLL_MS = 15;

function holderIsGone(lockFile: string): boolean {
  try {
    const pid = Number(readFileSync(lockFile, "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === "ESRCH";
      }
    }
    return Date.now() - statSync(lockFile).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}

function tryAcquire(lockFile: string): boolean {
  try {
    const descriptor = openSync(lockFile, "wx");
    writeSync(descriptor, `${process.pid}\n${new Date().toISOString()}\n`);
    closeSync(descriptor);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (holderIsGone(lockFile)) {
      try {
        unlinkSync(lockFile);
      } catch {
        // another waiter removed it first
      }
    }
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` while holding `<file>.lock`; a lock whose process died is taken over. */
export async function withFileLock<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  const lockFile = `${file}.lock`;
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!tryAcquire(lockFile)) {
    if (Date.now() > deadline) {
      throw new HandoffError("E_LOCK_TIMEOUT", `${lockFile} has been held for over ${WAIT_LIMIT_MS / 1000}s`, {
        file: lockFile,
        hint: "another handoff command is writing this state; if none is running, delete the .lock file",
      });
    }
    await sleep(POLL_MS + Math.random() * POLL_MS);
  }
  try {
    return await work();
  } finally {
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  }
}
