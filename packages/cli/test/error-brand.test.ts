import { describe, expect, it, vi } from "vitest";

// Errors thrown in a file the build splits off (build/later-files.ts) come from a copy of these classes.
describe("the CLI's error classes across copies of the module", () => {
  it("UsageError and ExitError are recognised by a second copy, and each only as itself", async () => {
    const first = await import("../src/errors.js");
    vi.resetModules();
    const second = await import("../src/errors.js");
    expect(second.UsageError).not.toBe(first.UsageError);

    expect(new second.UsageError("bad")).toBeInstanceOf(first.UsageError);
    expect(new second.ExitError(1, "done")).toBeInstanceOf(first.ExitError);
    expect(new second.UsageError("bad") instanceof first.ExitError).toBe(false);
    expect(new second.ExitError(1) instanceof first.UsageError).toBe(false);
    expect(new Error("plain") instanceof first.UsageError).toBe(false);
  });
});
