import path from "node:path";
import { describe, expect, it } from "vitest";
import { isObjectId, isPathInside, relativeInside, sleep } from "../../src/internal.js";

describe("relativeInside / isPathInside", () => {
  const root = path.resolve("/repo");

  it("takes the folder itself and what lies inside it", () => {
    expect(relativeInside(root, root)).toBe("");
    expect(relativeInside(root, path.join(root, "a", "b.txt"))).toBe(path.join("a", "b.txt"));
    expect(isPathInside(root, path.join(root, "a"))).toBe(true);
  });

  it("takes a child whose name starts with two dots", () => {
    expect(relativeInside(root, path.join(root, "..foo"))).toBe("..foo");
    expect(isPathInside(root, path.join(root, "..foo", "x"))).toBe(true);
  });

  it("refuses the parent, a sibling and a sibling that shares the prefix", () => {
    expect(relativeInside(root, path.dirname(root))).toBeUndefined();
    expect(isPathInside(root, path.resolve("/other"))).toBe(false);
    expect(isPathInside(root, path.resolve("/repo-other/x"))).toBe(false);
    expect(isPathInside(root, path.join(root, "..", "x"))).toBe(false);
  });
});

describe("isObjectId", () => {
  it("takes full SHA-1 and SHA-256 ids in lower case only", () => {
    expect(isObjectId("a".repeat(40))).toBe(true);
    expect(isObjectId("0".repeat(64))).toBe(true);
    expect(isObjectId("a".repeat(41))).toBe(false);
    expect(isObjectId("a".repeat(63))).toBe(false);
    expect(isObjectId("A".repeat(40))).toBe(false);
    expect(isObjectId("--output=x".padEnd(40, "a"))).toBe(false);
  });
});

describe("sleep", () => {
  it("resolves after the timer, not before", async () => {
    let done = false;
    const waited = sleep(20).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await waited;
    expect(done).toBe(true);
  });
});
