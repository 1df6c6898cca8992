import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { withFileLock } from "@handoff/core";
import { coalesce } from "../src/coalesce.js";

afterAll(cleanupTempDirs);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("coalescing refreshes", () => {
  it("runs once for a burst of calls that arrive while an earlier refresh holds the lock", async () => {
    const folder = makeTempDir();
    const earlier = gate();
    const holding = gate();
    const lockHeld = withFileLock(path.join(folder, "refresh"), async () => {
      holding.open();
      await earlier.opened;
    });
    await holding.opened;
    let runs = 0;
    const burst = Promise.all(
      Array.from({ length: 8 }, () =>
        coalesce(folder, async () => {
          runs += 1;
        }),
      ),
    );
    earlier.open();
    const outcomes = await burst;
    await lockHeld;
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(existsSync(path.join(folder, "refresh.pending"))).toBe(false);
  });

  it("queues one more run for calls made while a refresh is running, so the last change is never missed", async () => {
    const folder = makeTempDir();
    const first = gate();
    const started = gate();
    const order: string[] = [];
    const running = coalesce(folder, async () => {
      order.push("first");
      started.open();
      await first.opened;
    });
    await started.opened;
    const second = coalesce(folder, async () => void order.push("second"));
    const third = coalesce(folder, async () => void order.push("third"));
    first.open();
    const outcomes = await Promise.all([running, second, third]);
    expect(order).toEqual(["first", "second"]);
    expect(outcomes.map((outcome) => outcome.ran)).toEqual([true, true, false]);
  });

  it("takes over a queue marker left by a process that died", async () => {
    const folder = makeTempDir();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "refresh.pending"), `${dead}\n`);
    const outcome = await coalesce(folder, async () => "ran");
    expect(outcome).toEqual({ ran: true, result: "ran" });
  });

  it("leaves no marker behind when the work fails", async () => {
    const folder = makeTempDir();
    await expect(coalesce(folder, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await coalesce(folder, async () => "again")).toEqual({ ran: true, result: "again" });
  });
});
