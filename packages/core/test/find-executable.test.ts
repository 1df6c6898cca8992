import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { findExecutable } from "../src/util/find-executable.js";

afterAll(cleanupTempDirs);

describe.skipIf(process.platform === "win32")("findExecutable", () => {
  it("skips a folder of that name and finds the program further along PATH", () => {
    const withFolder = makeTempDir();
    const withProgram = makeTempDir();
    mkdirSync(path.join(withFolder, "tool"));
    writeFileSync(path.join(withProgram, "tool"), "#!/bin/sh\n", { mode: 0o755 });
    const env = { PATH: [withFolder, withProgram].join(path.delimiter) };
    expect(findExecutable("tool", env)).toBe(path.join(withProgram, "tool"));
  });

  it("skips a file that is not executable", () => {
    const folder = makeTempDir();
    writeFileSync(path.join(folder, "tool"), "#!/bin/sh\n", { mode: 0o644 });
    expect(findExecutable("tool", { PATH: folder })).toBeUndefined();
  });
});
