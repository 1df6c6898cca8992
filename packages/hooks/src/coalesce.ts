import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { withFileLock } from "@handoff/core";

/** A queued refresh older than this is a leftover of a process that died. */
const PENDING_STALE_MS = 30_000;

export type CoalesceOutcome<T> = { ran: true; result: T } | { ran: false };

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function isStale(marker: string): boolean {
  try {
    const pid = Number(readFileSync(marker, "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0 && processIsGone(pid)) return true;
    return Date.now() - statSync(marker).mtimeMs > PENDING_STALE_MS;
  } catch {
    return false;
  }
}

function tryCreate(marker: string): boolean {
  try {
    const descriptor = openSync(marker, "wx");
    writeSync(descriptor, `${process.pid}\n`);
    closeSync(descriptor);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  }
}

/** Queues this call, unless a queued one that has not read git yet will cover it. */
function claimQueue(marker: string): boolean {
  if (tryCreate(marker)) return true;
  if (!isStale(marker)) return false;
  try {
    unlinkSync(marker);
  } catch {
    // another process cleared it first
  }
  return tryCreate(marker);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Runs `work` at most once for a burst of calls, and always after the last call of the burst.
 *
 * A call queues itself with a marker file (`<folder>/refresh.pending`); a later call that finds the
 * marker returns at once, since the queued call has not read git yet and will see its change too.
 * The queued call takes the refresh lock (waiting for a running refresh to end), removes the marker,
 * and only then runs `work`, which reads git afresh: every event after the removal queues anew.
 */
export async function coalesce<T>(folder: string, work: () => Promise<T>): Promise<CoalesceOutcome<T>> {
  mkdirSync(folder, { recursive: true });
  const marker = path.join(folder, "refresh.pending");
  if (!claimQueue(marker)) return { ran: false };
  let dequeued = false;
  try {
    return await withFileLock(path.join(folder, "refresh"), async () => {
      removeQuietly(marker);
      dequeued = true;
      return { ran: true as const, result: await work() };
    });
  } finally {
    // If the lock could not be taken, leave no marker behind that would swallow later refreshes.
    if (!dequeued) removeQuietly(marker);
  }
}
