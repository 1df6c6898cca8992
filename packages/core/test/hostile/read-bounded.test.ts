import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { isHandoffError } from "../../src/errors.js";
import { readBoundedFile, readBoundedText } from "../../src/util/read-bounded.js";

afterAll(cleanupTempDirs);

function errorOf(work: () => unknown): { code?: string; message?: string; file?: string; hint?: string } {
  try {
    work();
  } catch (error) {
    return isHandoffError(error) ? error : { message: String(error) };
  }
  return {};
}

describe("readBoundedFile: only regular files, never more than the cap", () => {
  const options = { maxBytes: 64 };

  it("reads a regular file, also through a symlink to one; a missing file is undefined", () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "a.json"), "{}\n");
    symlinkSync("a.json", path.join(dir, "link.json"));
    expect(readBoundedText(path.join(dir, "a.json"), options)).toBe("{}\n");
    expect(readBoundedText(path.join(dir, "link.json"), options)).toBe("{}\n");
    expect(readBoundedFile(path.join(dir, "none.json"), options)).toBeUndefined();
    writeFileSync(path.join(dir, "file"), "");
    expect(readBoundedFile(path.join(dir, "file", "below.json"), options)).toBeUndefined();
  });

  it("refuses a symlink to /dev/zero, naming the file and the fix", () => {
    const file = path.join(makeTempDir(), "handoff.config.json");
    symlinkSync("/dev/zero", file);
    const error = errorOf(() => readBoundedFile(file, { ...options, code: "E_CONFIG_INVALID", what: "handoff's configuration" }));
    expect(error.code).toBe("E_CONFIG_INVALID");
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file} is a device, not a regular file; handoff reads only regular files`);
    expect(error.hint).toContain("replace it with a plain file holding handoff's configuration");
  });

  it("refuses a FIFO without waiting for a writer, and a folder", () => {
    const dir = makeTempDir();
    const fifo = path.join(dir, ".gitignore");
    execFileSync("mkfifo", [fifo]);
    expect(errorOf(() => readBoundedFile(fifo, options))).toMatchObject({ code: "E_NOT_A_REGULAR_FILE", file: fifo });
    mkdirSync(path.join(dir, "package.json"));
    expect(errorOf(() => readBoundedFile(path.join(dir, "package.json"), options)).message).toContain("is a folder");
  });

  it("refuses a file over the cap", () => {
    const file = path.join(makeTempDir(), "package.json");
    writeFileSync(file, "x".repeat(65));
    expect(errorOf(() => readBoundedFile(file, options))).toMatchObject({
      code: "E_FILE_TOO_LARGE",
      message: `${file} is 65 bytes; handoff reads at most 64 bytes of it`,
    });
    writeFileSync(file, "x".repeat(64));
    expect(readBoundedFile(file, options)?.length).toBe(64);
  });
});
