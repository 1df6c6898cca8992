import { describe, expect, it, vi } from "vitest";

// The CLI's build splits rarely used code into files of their own (packages/cli/build/later-files.ts),
// each with its own copy of this class: an error thrown by one copy must still be a HandoffError
// to the other, or the bin would report it as a crash with the wrong exit code.
describe("HandoffError across copies of the module", () => {
  it("is recognised by a second copy of the class, and nothing else is", async () => {
    const first = await import("../src/errors.js");
    vi.resetModules();
    const second = await import("../src/errors.js");
    expect(second.HandoffError).not.toBe(first.HandoffError);

    const error = new second.HandoffError("E_GIT", "git failed");
    expect(error).toBeInstanceOf(first.HandoffError);
    expect(first.isHandoffError(error, "E_GIT")).toBe(true);
    expect(first.isHandoffError(error, "E_SYMLINK")).toBe(false);

    expect(new Error("plain") instanceof first.HandoffError).toBe(false);
    expect(first.isHandoffError({ code: "E_GIT", message: "look-alike" })).toBe(false);
    expect(first.isHandoffError(null)).toBe(false);
  });
});
