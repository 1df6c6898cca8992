import { closeSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { HandoffError } from "../errors.js";
import { readBoundedTextOrUndefined } from "../util/read-bounded.js";
import { sleep } from "../util/sleep.js";
import { uniqueSuffix } from "../util/unique-suffix.js";
import { LOCK_HELD_HINT, LOCK_TAKEN_OVER_HINT, lockHeld, lockTakenOver } from "../messages.js";

const STALE_AFTER_MS = 30_000;
const WAIT_LIMIT_MS = 10_000;
const POLL_MS = 15;

/** A lock file holds three short lines; anything else is not a lock handoff wrote. */
const MAX_LOCK_BYTES = 4096;

function readLock(lockFile: string): string | undefined {
  return readBoundedTextOrUndefined(lockFile, MAX_LOCK_BYTES);
}

/** The holder's process is gone (no such pid), or the lock has not been touched for too long. */
function holderIsGone(lockFile: string, content: string): boolean {
  const pid = Number(content.split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return true;
      // EPERM: the pid is alive but someone else's (maybe a reused pid); the lock's age decides.
    }
  }
  try {
    return Date.now() - statSync(lockFile).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock, but only the one judged stale: it is first moved aside (one waiter wins
 * the rename), and if what was moved is a newer lock another waiter took meanwhile, it goes back.
 */
function breakStaleLock(lockFile: string, staleContent: string): void {
  const aside = `${lockFile}.${uniqueSuffix()}.stale`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // another waiter moved or removed it first
  }
  if (readLock(aside) !== staleContent) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // a lock was taken in the meantime; it stands
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

function tryAcquire(lockFile: string, token: string): boolean {
  try {
    const descriptor = openSync(lockFile, "wx");
    try {
      writeSync(descriptor, token);
    } finally {
      closeSync(descriptor);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const content = readLock(lockFile);
    if (content !== undefined && holderIsGone(lockFile, content)) breakStaleLock(lockFile, content);
    return false;
  }
}

function release(lockFile: string, token: string): void {
  // A lock that was judged stale and taken over by another process is no longer ours to remove.
  if (readLock(lockFile) !== token) return;
  try {
    unlinkSync(lockFile);
  } catch {
    // already gone
  }
}

/** The lock `work` holds, to make sure it still does before it replaces a file. */
export interface HeldLock {
  /**
   * Throws when the lock is no longer ours: this process stalled past the stale limit (suspended,
   * swapping) and another took the lock over, so what it would write is older than what is there.
   */
  assertHeld: () => void;
}

function heldLock(lockFile: string, token: string): HeldLock {
  return {
    assertHeld() {
      if (readLock(lockFile) === token) return;
      throw new HandoffError("E_LOCK_TIMEOUT", lockTakenOver(lockFile), {
        file: lockFile,
        hint: LOCK_TAKEN_OVER_HINT,
      });
    },
  };
}

/** Runs `work` while holding `<file>.lock`; a lock whose process died is taken over. */
export async function withFileLock<T>(file: string, work: (lock: HeldLock) => Promise<T> | T): Promise<T> {
  const lockFile = `${file}.lock`;
  const token = `${process.pid}\n${new Date().toISOString()}\n${uniqueSuffix()}\n`;
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!tryAcquire(lockFile, token)) {
    if (Date.now() > deadline) {
      throw new HandoffError("E_LOCK_TIMEOUT", lockHeld(lockFile, WAIT_LIMIT_MS / 1000), {
        file: lockFile,
        hint: LOCK_HELD_HINT,
      });
    }
    await sleep(POLL_MS + Math.random() * POLL_MS);
  }
  try {
    return await work(heldLock(lockFile, token));
  } finally {
    release(lockFile, token);
  }
}
