import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { writeFileAtomic } from "../src/store/atomic-write.js";

afterAll(cleanupTempDirs);

describe.skipIf(process.platform === "win32")("writeFileAtomic", () => {
  it("keeps the permissions of the file it replaces", () => {
    const folder = makeTempDir();
    const file = path.join(folder, ".gitignore");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o600);
    writeFileAtomic(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual([".gitignore"]);
  });
});
