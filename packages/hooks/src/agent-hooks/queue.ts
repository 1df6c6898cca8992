import { mkdirSync, readFileSync, renameSync, unlinkSync } from "node:fs";
import path from "node:path";
import { withFileLock, writeQuietly } from "@handoff/core/internal";
import { handoffFolder } from "../git-folder.js";
import type { HookAgent, HookEvent } from "./events.js";

/** One turn's save, handed from the hook (which returns at once) to a background worker. */
export interface QueuedSave {
  agent: HookAgent;
  event: HookEvent;
  /** The payload the agent gave the hook, as it came. */
  payload: string;
  queuedAt: string;
}

function queueDir(gitDir: string): string {
  return path.join(handoffFolder(gitDir), "agent-saves");
}

/**
 * Queues a save for `agent`. One slot per agent: a newer turn replaces a save not yet started,
 * since it reads everything the older one would have (the transcript only grows).
 */
export function queueSave(gitDir: string, job: QueuedSave): void {
  const dir = queueDir(gitDir);
  mkdirSync(dir, { recursive: true });
  writeQuietly(path.join(dir, `${job.agent}.json`), JSON.stringify(job));
}

/** Takes the queued save of `agent` (one rename: two workers never take the same one). */
function take(gitDir: string, agent: string): QueuedSave | undefined {
  const slot = path.join(queueDir(gitDir), `${agent}.json`);
  const taken = `${slot}.${process.pid}.taken`;
  try {
    renameSync(slot, taken);
  } catch {
    return undefined;
  }
  try {
    const job = JSON.parse(readFileSync(taken, "utf8")) as QueuedSave;
    return job?.agent === agent && typeof job.payload === "string" ? job : undefined;
  } catch {
    return undefined;
  } finally {
    unlinkSync(taken);
  }
}

/**
 * The background worker: runs the queued saves of `agent` one after the other until none is left,
 * one worker at a time (a second waits, then finds the queue empty or holding a newer turn).
 */
export async function drainQueuedSaves(gitDir: string, agent: HookAgent, save: (job: QueuedSave) => Promise<void>): Promise<number> {
  mkdirSync(queueDir(gitDir), { recursive: true });
  return withFileLock(path.join(queueDir(gitDir), `${agent}.run`), async () => {
    let saved = 0;
    for (let job = take(gitDir, agent); job; job = take(gitDir, agent)) {
      await save(job);
      saved++;
    }
    return saved;
  });
}
