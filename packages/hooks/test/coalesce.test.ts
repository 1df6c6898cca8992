import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { withFileLock } from "@handoff/core/internal";
import { afterQueuedEvents } from "../src/coalesce.js";

afterAll(cleanupTempDirs);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("a refresh after the queued events (the node side of the shell runner's queue)", () => {
  it("waits for a running refresh, removes the queue marker, and only then does its work", async () => {
    const gitDir = makeTempDir();
    mkdirSync(path.join(gitDir, "handoff"));
    const marker = path.join(gitDir, "handoff/refresh.queued");
    const running = gate();
    const holding = gate();
    const earlier = withFileLock(path.join(gitDir, "handoff/refresh"), async () => {
      holding.open();
      await running.opened;
    });
    await holding.opened;
    writeFileSync(marker, "12345 boot\n");
    const seen: boolean[] = [];
    const queued = afterQueuedEvents(gitDir, async () => {
      seen.push(existsSync(marker));
      return "done";
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
    expect(existsSync(marker)).toBe(true);
    running.open();
    await earlier;
    expect(await queued).toBe("done");
    expect(seen).toEqual([false]);
  });

  it("leaves a marker created while it works, for the refresh that marker stands for", async () => {
    const gitDir = makeTempDir();
    const marker = path.join(gitDir, "handoff/refresh.queued");
    await afterQueuedEvents(gitDir, async () => writeFileSync(marker, "12345 boot\n"));
    expect(existsSync(marker)).toBe(true);
  });

  it("runs without a marker (started by hand) and passes a failure on", async () => {
    const gitDir = makeTempDir();
    expect(await afterQueuedEvents(gitDir, async () => 1)).toBe(1);
    await expect(afterQueuedEvents(gitDir, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await afterQueuedEvents(gitDir, async () => 2)).toBe(2);
  });
});
