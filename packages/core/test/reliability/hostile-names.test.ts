import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { commitWorkInProgress, stashWorkInProgress } from "../../src/git/work-in-progress.js";
import { renderRestoreView } from "../../src/views/restore-view.js";
import { loadSession } from "../../src/workflows/load-session.js";
import { openRepo } from "../../src/workflows/open-repo.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { readStateFile } from "../../src/store/read-state.js";
import { CLAUDE_FILE, ODD_FILE_NAMES } from "./helpers.js";

afterAll(cleanupTempDirs);


/** Branch names git accepts (no spaces, backslashes or control characters in refs). */
const ODD_BRANCHES = [`feat/"quoted"`, "feat/it's-ünïcödé-日本", "feat/$(id);rm&|x", "-x"];

describe("odd file names survive save and restore exactly", () => {
  it("as created, staged, modified and renamed files", async () => {
    const repo = createRepo();
    const tracked = ["--tracked", "old name.ts"];
    repo.commit("tracked", Object.fromEntries(tracked.map((file) => [file, "v1\n"])));
    repo.write(Object.fromEntries(ODD_FILE_NAMES.map((file) => [file, `${file}\n`])));
    repo.git("add", "--", ...ODD_FILE_NAMES.slice(0, 6));
    repo.write({ "--tracked": "v2\n" });
    repo.git("mv", "--", "old name.ts", "new\nname -rf.ts");
    const saved = await saveSession({ cwd: repo.root, agent: "claude" });
    const created = saved.state.context?.files_created ?? [];
    expect([...created].sort()).toEqual([...ODD_FILE_NAMES].sort());
    expect(saved.state.context?.files_modified).toEqual(expect.arrayContaining(["--tracked", "new\nname -rf.ts"]));
    expect([...saved.state.git.staged_files].sort()).toEqual([...ODD_FILE_NAMES.slice(0, 6), "new\nname -rf.ts"].sort());
    const reread = readStateFile(path.join(repo.root, CLAUDE_FILE))!.state;
    expect(reread).toEqual(saved.state);
    expect((await loadSession({ cwd: repo.root, agent: "claude" })).state.context).toEqual(saved.state.context);
  });

  it("are shown escaped, never as raw control characters", async () => {
    const repo = createRepo();
    repo.write({ "esc\u001b]0;title\u0007.ts": "x\n" });
    const { state } = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "t\u001b[31mred" } });
    const view = renderRestoreView(state);
    expect(view).not.toMatch(/[\u001b\u0007]/);
    expect(view).toContain("esc\\x1b]0;title\\x07.ts");
    expect(view).toContain("t\\x1b[31mred");
  });
});

describe("odd branch names", () => {
  for (const branch of ODD_BRANCHES) {
    it(`round-trips ${JSON.stringify(branch)}`, async () => {
      const repo = createRepo();
      // git refuses a branch name that starts with "-" on the command line; a ref can still be named so.
      repo.git("update-ref", `refs/heads/${branch}`, "HEAD");
      repo.git("symbolic-ref", "HEAD", `refs/heads/${branch}`);
      const saved = await saveSession({ cwd: repo.root, agent: "claude", input: { task: branch } });
      expect(saved.state.git.branch).toBe(branch);
      expect(saved.state.freshness?.ref).toBe(branch);
      const loaded = await loadSession({ cwd: repo.root, agent: "claude" });
      expect(loaded.freshness).toBe("fresh");
      expect(loaded.state.git.branch).toBe(branch);
      expect(loaded.state.task?.description).toBe(branch);
    });
  }
});

describe("paths never reach git as options", () => {
  it("a WIP commit and a stash take files named --force and -rf as files", async () => {
    const repo = createRepo();
    repo.write({ "--force": "f\n", "-rf": "r\n", "--help": "h\n" });
    await saveSession({ cwd: repo.root, agent: "claude" });
    const { repo: paths } = await openRepo(repo.root);
    await commitWorkInProgress(paths, "--amend", [CLAUDE_FILE]);
    expect(repo.git("log", "-1", "--format=%s")).toBe("--amend\n");
    expect(repo.git("show", "--name-only", "--format=", "HEAD").split("\n").filter(Boolean).sort()).toEqual(
      ["--force", "--help", "-rf", ".gitignore"].sort(),
    );
    repo.write({ "-rf": "changed\n", "--new": "n\n" });
    expect(await stashWorkInProgress(paths, "-m")).toBe(true);
    expect(readFileSync(path.join(repo.root, "-rf"), "utf8")).toBe("r\n");
    expect(repo.git("stash", "list")).toContain("-m");
  });
});
