/**
 * What the agent hooks' runs load: a session start answers before the agent's first turn, and a
 * turn's hook must return at once; the git hooks' `hooks run` must not pay for the agent hooks'
 * config editor. (Like load-shape.e2e.test.ts, for the agent hooks' paths.)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, makeTempDir, runHandoff, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const DIST = path.dirname(HANDOFF_BIN);

describe("what the agent hooks load", () => {
  let repo: TestRepo;
  let recorder: string;
  let records: string;

  beforeAll(() => {
    repo = createRepo();
    repo.commit("ignore node_modules", { ".gitignore": "node_modules/\n" });
    mkdirSync(path.join(repo.root, "node_modules/.bin"), { recursive: true });
    symlinkSync(HANDOFF_BIN, path.join(repo.root, "node_modules/.bin/handoff"));
    const dir = makeTempDir();
    recorder = path.join(dir, "record.cjs");
    records = path.join(dir, "records");
    mkdirSync(records);
    // One record per process, named by its arguments: a hook's background save is a process too.
    writeFileSync(
      recorder,
      `process.on("exit", () => require("node:fs").writeFileSync(require("node:path").join(${JSON.stringify(records)}, encodeURIComponent(process.argv.slice(2).join(" "))), JSON.stringify({ files: Object.keys(require.cache), builtins: process.moduleLoadList })));\n`,
    );
    expect(runHandoff(repo.root, ["hooks", "install", "--agents", "claude"]).code).toBe(0);
  });

  function loaded(args: string) {
    const { files, builtins } = JSON.parse(readFileSync(path.join(records, encodeURIComponent(args)), "utf8")) as { files: string[]; builtins: string[] };
    return { dist: files.filter((file) => file.startsWith(`${DIST}${path.sep}`)).map((file) => path.relative(DIST, file)).sort(), files, builtins };
  }

  function run(args: string[], input = "{}") {
    const result = runHandoff(repo.root, args, { env: { NODE_OPTIONS: `--require ${recorder}` }, input });
    expect(result, args.join(" ")).toMatchObject({ code: 0, stderr: "" });
    return result;
  }

  it("a turn's hook queues the save and loads none of the saving code; the background save does", async () => {
    run(["hook", "claude", "stop"], JSON.stringify({ session_id: "s", cwd: repo.root }));
    expect(loaded("hook claude stop").dist).toEqual(["cli.cjs", "hook.cjs"]);
    const deadline = Date.now() + 30_000;
    while (!readdirSync(records).includes(encodeURIComponent("hook-save claude")) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded("hook-save claude").dist).toContain("hook-save.cjs");
  });

  it("a session start with nothing to hand over (after a save) loads the bin and the small hook program, nothing else", () => {
    // The turn's save (the test above) left the summary of the newest state that this start answers from.
    run(["hook", "claude", "session-start"]);
    const { dist, builtins } = loaded("hook claude session-start");
    expect(dist).toEqual(["cli.cjs", "hook.cjs"]);
    for (const builtin of ["NativeModule net", "NativeModule tty", "NativeModule crypto", "NativeModule child_process"]) expect(builtins).not.toContain(builtin);
  });

  it("a session start with no summary to answer from runs the full hook, which writes one", () => {
    rmSync(path.join(repo.root, ".git/handoff/newest-state.json"));
    // Codex is handed Claude's state: the full hook renders and redacts it.
    expect(run(["hook", "codex", "session-start"]).stdout).toContain("additionalContext");
    // The small program hands the payload it read on to the full hook, as its last argument.
    expect(loaded("hook codex session-start -- {}").dist).toEqual(expect.arrayContaining(["cli.cjs", "hook.cjs", "hook-full.cjs"]));
    expect(existsSync(path.join(repo.root, ".git/handoff/newest-state.json"))).toBe(true);
  });

  it("the git hooks' `hooks run` never loads the agent hooks' config editor", () => {
    run(["hooks", "run", "post-merge", "--", "0"], "");
    const { files } = loaded("hooks run post-merge -- 0");
    expect(files.filter((file) => file.includes("jsonc-parser"))).toEqual([]);
  });
});
