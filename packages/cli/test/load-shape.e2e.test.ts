/**
 * What the built bin loads for each command path: the start-up budget of `save` and `restore`
 * (bench/README.md) is spent mostly on loading code, so a stray static import of zod, or an early
 * `process.stdout`, shows here as a failed test instead of a slower benchmark nobody reran.
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, makeTempDir, runHandoff, type TestRepo } from "@handoff/test-utils";
import { COMMANDS } from "../src/commands/index.js";

afterAll(cleanupTempDirs);

const DIST = path.dirname(HANDOFF_BIN);

/** Node's built-in modules that a run which never touches a terminal, a network or a hash has no use for. */
const NEEDLESS_BUILTINS = ["NativeModule net", "NativeModule tty", "NativeModule crypto"];
const PARSE_ARGS = "NativeModule internal/util/parse_args/parse_args";

interface Loaded {
  /** Files of the bin's dist folder that were loaded, relative to it. */
  dist: string[];
  builtins: string[];
}

describe("what the bin loads (CommonJS require cache and Node's module list, recorded at exit)", () => {
  let repo: TestRepo;
  let recorder: string;
  let record: string;

  beforeAll(() => {
    repo = createRepo();
    repo.commit("An app", { "src/app.ts": "export const app = 1;\n" });
    const dir = makeTempDir();
    recorder = path.join(dir, "record.cjs");
    record = path.join(dir, "loaded.json");
    writeFileSync(
      recorder,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(record)}, JSON.stringify({ files: Object.keys(require.cache), builtins: process.moduleLoadList })));\n`,
    );
  });

  function loadedBy(args: string[], exitCode = 0, env: Record<string, string> = {}): Loaded {
    const result = runHandoff(repo.root, args, { env: { NODE_OPTIONS: `--require ${recorder}`, HANDOFF_OFFLINE: "1", ...env } });
    expect(result.code, result.stderr).toBe(exitCode);
    const { files, builtins } = JSON.parse(readFileSync(record, "utf8")) as { files: string[]; builtins: string[] };
    const dist = files.filter((file) => file.startsWith(`${DIST}${path.sep}`)).map((file) => path.relative(DIST, file));
    return { dist: dist.sort(), builtins };
  }

  it("runs each command from its own build, and help and --version from the build of them all", () => {
    for (const name of Object.keys(COMMANDS)) {
      const ours = loadedBy([name, "--help"]).dist.filter((file) => !file.startsWith("vendor"));
      expect(ours, name).toEqual(["cli.cjs", `${name}.cjs`].sort());
    }
    expect(loadedBy(["--version"]).dist).toEqual(["cli.cjs", "commands.cjs"]);
    expect(loadedBy(["--help"]).dist).toEqual(["cli.cjs", "commands.cjs"]);
  });

  it("a fresh restore loads the bin and restore's own build, and nothing for a terminal or a hash", () => {
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Load less"]).code).toBe(0);
    const loaded = loadedBy(["restore", "claude"]);
    expect(loaded.dist).toEqual(["cli.cjs", "restore.cjs"]);
    for (const builtin of NEEDLESS_BUILTINS) expect(loaded.builtins).not.toContain(builtin);
    // No option given: node:util's parseArgs is not loaded (args.ts).
    expect(loaded.builtins).not.toContain(PARSE_ARGS);
    const json = loadedBy(["restore", "claude", "--json"]);
    expect(json.dist).toEqual(["cli.cjs", "restore.cjs"]);
    expect(json.builtins).toContain(PARSE_ARGS);
    // --prompt's code (the prompt, its budget, the redaction rules) is a file of its own.
    expect(loadedBy(["restore", "claude", "--prompt"]).dist).toEqual(["cli.cjs", "restore.cjs", "session-prompt.cjs", "vendor/re2js.cjs", "vendor/secretlint.cjs"]);
  });

  it("output thrown away (/dev/null, a character device but no terminal) sets up no stream", () => {
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Quiet"]).code).toBe(0);
    const devNull = openSync("/dev/null", "w");
    try {
      const result = spawnSync(process.execPath, [HANDOFF_BIN, "restore", "claude"], {
        cwd: repo.root,
        env: { ...process.env, NODE_OPTIONS: `--require ${recorder}`, HANDOFF_OFFLINE: "1" },
        stdio: ["ignore", devNull, devNull],
      });
      expect(result.status).toBe(0);
    } finally {
      closeSync(devNull);
    }
    const { builtins } = JSON.parse(readFileSync(record, "utf8")) as { builtins: string[] };
    expect(builtins).toContain("NativeModule fs");
    for (const builtin of [...NEEDLESS_BUILTINS, "NativeModule stream"]) expect(builtins).not.toContain(builtin);
  });

  it("save loads its own build, and neither simple-git, zod nor secretlint", () => {
    const loaded = loadedBy(["save", "claude"]);
    // Its two git reads run as plain child processes (bench/README.md); child_process brings net.
    expect(loaded.dist).toEqual(["cli.cjs", "save.cjs"]);
    expect(loaded.builtins).not.toContain("NativeModule tty");
    expect(loaded.builtins).not.toContain("NativeModule crypto");
  });

  it("only `handoff mcp` loads the MCP SDK, from its own file", () => {
    const sdk = path.join("vendor", "mcp-sdk.cjs");
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Serve"]).code).toBe(0);
    for (const args of [["save", "claude"], ["restore", "claude", "--prompt"], ["status"], ["validate", "--no-checks"], ["agents"], ["--help"]]) {
      expect(loadedBy(args).dist, args.join(" ")).not.toContain(sdk);
    }
    // stdin is empty: the server starts, sees the end of its input and stops.
    expect(loadedBy(["mcp"]).dist).toEqual(["cli.cjs", "mcp.cjs", sdk]);
  });

  it("a hook's refresh loads its own build and no library: no simple-git, zod or picomatch", () => {
    const bare = createRepo();
    bare.commit("An app", { "src/app.ts": "export const app = 1;\n" });
    const inBare = (args: string[]) => {
      const result = runHandoff(bare.root, args, { env: { NODE_OPTIONS: `--require ${recorder}`, HANDOFF_OFFLINE: "1" } });
      expect(result.code, result.stderr).toBe(0);
      const { files } = JSON.parse(readFileSync(record, "utf8")) as { files: string[] };
      return files.filter((file) => !file.endsWith("record.cjs"));
    };
    // No state file: nothing to refresh, so nothing but the bin and the hooks' build.
    expect(inBare(["hooks", "run", "post-commit"]).map((file) => path.relative(DIST, file)).sort()).toEqual(["cli.cjs", "hooks.cjs"]);
    expect(runHandoff(bare.root, ["save", "claude", "--task", "Refresh me"]).code).toBe(0);
    const refreshing = inBare(["hooks", "run", "post-commit"]);
    expect(refreshing.map((file) => path.relative(DIST, file)).sort()).toEqual(["cli.cjs", "hooks.cjs"]);
    expect(refreshing.filter((file) => /picomatch|zod/.test(file))).toEqual([]);
    // A file checkout is decided without reading git or any state.
    expect(inBare(["hooks", "run", "post-checkout", "--", "a", "a", "0"]).map((file) => path.relative(DIST, file)).sort()).toEqual(["cli.cjs", "hooks.cjs"]);
  });

  it("status and agents with three saved agents load only the bin and their own build", () => {
    for (const agent of ["claude", "codex", "gemini"]) {
      expect(runHandoff(repo.root, ["save", agent, "--task", `Work of ${agent}`]).code).toBe(0);
    }
    // It read all three (the quick reader vouched for each), not nothing.
    const listed = JSON.parse(runHandoff(repo.root, ["status", "--json"]).stdout) as { agent: string; state?: unknown }[];
    expect(listed.filter((entry) => entry.state).map((entry) => entry.agent)).toEqual(["claude", "codex", "gemini"]);
    const status = loadedBy(["status"]);
    expect(status.dist).toEqual(["cli.cjs", "status.cjs"]);
    for (const builtin of NEEDLESS_BUILTINS) expect(status.builtins).not.toContain(builtin);
    expect(loadedBy(["status", "--json"]).dist).toEqual(["cli.cjs", "status.cjs"]);
    expect(loadedBy(["agents"]).dist).toEqual(["agents.cjs", "cli.cjs"]);
    // node:crypto (Gemini CLI's project hash) only where Gemini CLI keeps sessions at all.
    const agents = loadedBy(["agents"], 0, { HANDOFF_GEMINI_DIR: makeTempDir("no-gemini-") });
    for (const builtin of NEEDLESS_BUILTINS) expect(agents.builtins).not.toContain(builtin);
    expect(loadedBy(["agents", "--json"]).dist).toEqual(["agents.cjs", "cli.cjs"]);
  });

  it("the paths that need zod or secretlint load them from their own files", () => {
    repo.write({ ".claude/.session-state.json": '{"version":"2.0","extra":' });
    // A broken file is explained by the full (zod) parser.
    expect(loadedBy(["restore", "claude"], 1).dist).toEqual(["cli.cjs", "restore.cjs", path.join("vendor", "zod.cjs")]);
    expect(loadedBy(["status"], 1).dist).toEqual(["cli.cjs", "status.cjs", path.join("vendor", "zod.cjs")]);
    expect(runHandoff(repo.root, ["save", "claude", "--task", "After the damage"]).code).toBe(0);
    expect(loadedBy(["restore", "claude", "--prompt"]).dist).toContain(path.join("vendor", "secretlint.cjs"));
  });
});
