import { mkdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { withFileLock } from "@handoff/core/internal";
import { handoffFolder, refreshQueuePath } from "./git-folder.js";

/**
 * Runs one refresh of a storm, after every event it stands for. The coalescing itself happens
 * in the shell runner (runner-script.ts), so that an event that finds a refresh queued starts no
 * node at all: the first event of a burst creates the queue marker and starts this process; the
 * events that find the marker, owned by a live refresh, return at once.
 *
 * Here the refresh takes the refresh lock (waiting for a running refresh to end), removes the
 * marker, and only then runs `work`, which reads git afresh: each event before the removal is
 * visible to that read, and each event after it creates a new marker and starts a new refresh,
 * which waits for this one. So the last event of a storm is always followed by a read of git.
 */
export async function afterQueuedEvents<T>(gitDir: string, work: () => Promise<T>): Promise<T> {
  const folder = handoffFolder(gitDir);
  mkdirSync(folder, { recursive: true });
  return withFileLock(path.join(folder, "refresh"), async () => {
    try {
      unlinkSync(refreshQueuePath(gitDir));
    } catch {
      // started by hand, or by a runner of an older handoff: there is no marker
    }
    return work();
  });
}
