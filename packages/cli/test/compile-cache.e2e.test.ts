/**
 * The bin keeps V8's compiled code of its programs in the user's cache folder (src/run-program.ts):
 * a later run uses it, a cache of another build or a damaged one is replaced, and a folder that
 * cannot be written costs the run nothing but the compile. Node >= 22.1 keeps the code itself.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, makeTempDir, runHandoff, testEnv, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const DIST = path.dirname(HANDOFF_BIN);
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const NODE_KEEPS_IT = major > 22 || (major === 22 && minor >= 1);

describe("the compiled-code cache of the bin's programs", () => {
  let repo: TestRepo;

  beforeAll(() => {
    repo = createRepo();
    repo.commit("An app", { "src/app.ts": "export const app = 1;\n" });
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Cache the compile"]).code).toBe(0);
  });

  const restoreWith = (env: Record<string, string>) => runHandoff(repo.root, ["restore", "claude", "--json"], { env: { HANDOFF_OFFLINE: "1", ...env } });
  /** The one cache file of restore.cjs (the folder between is the installation's). */
  const cacheFileIn = (cacheHome: string) => {
    const versionFolder = path.join(cacheHome, "handoff", "compile-cache", `${process.version}-${process.arch}`);
    const [installation, ...others] = readdirSync(versionFolder);
    expect(others).toEqual([]);
    return path.join(versionFolder, installation!, "restore.cjs.v8");
  };
  const keyOf = (file: string) => {
    const { size, mtimeMs, ctimeMs, ino } = statSync(file);
    return `${size} ${mtimeMs} ${ctimeMs} ${ino}`;
  };
  /** `<key> <bytes of source>`, the cache file's first line. */
  const headerOf = (cacheFile: string) => {
    const content = readFileSync(cacheFile);
    return content.toString("utf8", 0, content.indexOf(10));
  };
  const sourceBytes = (program: string) => statSync(program).size;

  it("a run writes it under $XDG_CACHE_HOME/handoff/compile-cache; the next run uses it as it is, with the same output", () => {
    const cacheHome = makeTempDir();
    const first = restoreWith({ XDG_CACHE_HOME: cacheHome });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe("");
    if (NODE_KEEPS_IT) {
      expect(readdirSync(path.join(cacheHome, "handoff", "compile-cache")).length).toBeGreaterThan(0);
      return;
    }
    const cacheFile = cacheFileIn(cacheHome);
    const program = path.join(DIST, "restore.cjs");
    expect(headerOf(cacheFile)).toBe(`${keyOf(program)} ${sourceBytes(program)}`);
    expect(readFileSync(cacheFile).includes(readFileSync(program))).toBe(true);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    const written = statSync(cacheFile);
    const second = restoreWith({ XDG_CACHE_HOME: cacheHome });
    expect(second).toEqual(first);
    // V8 accepted it: a rejected cache is written again at exit.
    expect(statSync(cacheFile).mtimeMs).toBe(written.mtimeMs);
    expect(statSync(cacheFile).ino).toBe(written.ino);
  });

  it.skipIf(NODE_KEEPS_IT)("a cache of another build of the program, or damaged data, is replaced and the run's output is unchanged", () => {
    const cacheHome = makeTempDir();
    const expected = restoreWith({ XDG_CACHE_HOME: cacheHome });
    const cacheFile = cacheFileIn(cacheHome);
    const program = path.join(DIST, "restore.cjs");
    const header = `${keyOf(program)} ${sourceBytes(program)}`;
    const written = readFileSync(cacheFile);
    const v8Data = header.length + 1 + sourceBytes(program);

    writeFileSync(cacheFile, Buffer.concat([Buffer.from(`1 2 3 4 ${sourceBytes(program)}\n`), written.subarray(header.length + 1)]));
    expect(restoreWith({ XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(headerOf(cacheFile)).toBe(header);

    const damaged = Buffer.concat([written.subarray(0, v8Data), Buffer.alloc(4096, 0x5a)]);
    writeFileSync(cacheFile, damaged);
    expect(restoreWith({ XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(readFileSync(cacheFile).equals(damaged)).toBe(false);
    expect(headerOf(cacheFile)).toBe(header);

    writeFileSync(cacheFile, `${keyOf(program)} 99999999\nshort`);
    expect(restoreWith({ XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(headerOf(cacheFile)).toBe(header);
  });

  it.skipIf(NODE_KEEPS_IT)("two installations of handoff keep a cache each, and neither replaces the other's", () => {
    const cacheHome = makeTempDir();
    const copies = ["one", "two"].map((name) => {
      const dist = path.join(makeTempDir(), name, "dist");
      cpSync(DIST, dist, { recursive: true });
      return path.join(dist, "cli.cjs");
    });
    const runCopy = (bin: string) => spawnSync(process.execPath, [bin, "restore", "claude", "--json"], { cwd: repo.root, env: testEnv({ XDG_CACHE_HOME: cacheHome }), encoding: "utf8" });
    const expected = runCopy(copies[0]!);
    expect(expected.status, expected.stderr).toBe(0);
    expect(runCopy(copies[1]!).stdout).toBe(expected.stdout);
    const versionFolder = path.join(cacheHome, "handoff", "compile-cache", `${process.version}-${process.arch}`);
    const caches = readdirSync(versionFolder).map((installation) => path.join(versionFolder, installation, "restore.cjs.v8"));
    expect(caches).toHaveLength(2);
    const before = caches.map((file) => statSync(file).mtimeMs);
    expect(runCopy(copies[0]!).stdout).toBe(expected.stdout);
    expect(runCopy(copies[1]!).stdout).toBe(expected.stdout);
    expect(caches.map((file) => statSync(file).mtimeMs)).toEqual(before);
  });

  it("NODE_DISABLE_COMPILE_CACHE turns it off, as it does in Node", () => {
    const cacheHome = makeTempDir();
    const result = restoreWith({ XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(cacheHome)).toEqual([]);
  });

  it("a cache folder that cannot be written changes nothing in the run", () => {
    const blocker = path.join(makeTempDir(), "a-file");
    writeFileSync(blocker, "not a folder\n");
    const expected = restoreWith({ XDG_CACHE_HOME: makeTempDir() });
    expect(restoreWith({ XDG_CACHE_HOME: blocker })).toEqual(expected);
    expect(readFileSync(blocker, "utf8")).toBe("not a folder\n");
  });

  it("a relative XDG_CACHE_HOME is ignored, as the XDG specification says: nothing is written in the repository", () => {
    const home = makeTempDir();
    const result = restoreWith({ XDG_CACHE_HOME: "cache", HOME: home });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(repo.root, "cache"))).toBe(false);
    expect(repo.git("status", "--porcelain", "--ignored", "--untracked-files=all")).not.toContain("cache");
    expect(readdirSync(path.join(home, process.platform === "darwin" ? "Library/Caches" : ".cache", "handoff", "compile-cache")).length).toBeGreaterThan(0);
  });

  it("no program holds an import(): vm.Script, which runs them, has no module loader for it", () => {
    const programs = readdirSync(DIST).filter((file) => file.endsWith(".cjs") && file !== "cli.cjs");
    expect(programs).toContain("restore.cjs");
    for (const file of programs) expect(readFileSync(path.join(DIST, file), "utf8"), file).not.toMatch(/\bimport\(/);
  });
});
