import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { commitWorkInProgress } from "../../src/git/work-in-progress.js";
import { openRepo } from "../../src/workflows/open-repo.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { CLAUDE_FILE, handoffError } from "./helpers.js";

afterAll(cleanupTempDirs);

describe("a WIP commit that git refuses", () => {
  it("leaves the user's staging exactly as it was: staged, unstaged and untracked files stay apart", async () => {
    const repo = createRepo();
    repo.commit("files", { "staged.ts": "1\n", "unstaged.ts": "1\n" });
    repo.write({ "staged.ts": "2\n", "unstaged.ts": "2\n", "untracked.ts": "new\n" });
    repo.git("add", "staged.ts");
    await saveSession({ cwd: repo.root, agent: "claude" });
    const hook = path.join(repo.root, ".git/hooks/pre-commit");
    writeFileSync(hook, "#!/bin/sh\necho 'lint failed' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    const { repo: paths } = await openRepo(repo.root);
    const error = await handoffError(() => commitWorkInProgress(paths, "wip", [CLAUDE_FILE]), "E_GIT");
    expect(error.message).toContain("lint failed");
    expect(repo.git("diff", "--cached", "--name-only")).toBe("staged.ts\n");
    expect(repo.git("diff", "--name-only")).toBe("unstaged.ts\n");
    expect(repo.git("ls-files", "--others", "--exclude-standard").split("\n")).toContain("untracked.ts");
    expect(repo.git("log", "--format=%s")).toBe("files\ninitial commit\n");
  });
});

describe("a WIP commit with nothing to keep out", () => {
  it("commits every change instead of unstaging them all", async () => {
    const repo = createRepo();
    repo.commit("files", { "a.ts": "1\n" });
    repo.write({ "a.ts": "2\n", "new.ts": "new\n" });
    const { repo: paths } = await openRepo(repo.root);
    await commitWorkInProgress(paths, "wip", []);
    expect(repo.git("log", "-1", "--format=%s")).toBe("wip\n");
    expect(repo.git("show", "--name-only", "--format=", "HEAD").split("\n").filter(Boolean).sort()).toEqual(["a.ts", "new.ts"]);
    expect(repo.git("status", "--porcelain")).toBe("");
  });
});

describe("a WIP commit where only kept-out files changed", () => {
  it("fails instead of passing off the previous commit as the WIP commit", async () => {
    const repo = createRepo();
    repo.write({ "state.json": "{}\n" });
    const { repo: paths } = await openRepo(repo.root);
    const error = await handoffError(() => commitWorkInProgress(paths, "wip", ["state.json"]), "E_GIT");
    expect(error.message).toContain("nothing to commit");
    expect(repo.git("log", "--format=%s")).toBe("initial commit\n");
    expect(repo.git("status", "--porcelain")).toBe("?? state.json\n");
  });
});
