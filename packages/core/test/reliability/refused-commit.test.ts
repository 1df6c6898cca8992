import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { commitWorkInProgress } from "../../src/git/work-in-progress.js";
import { openRepo } from "../../src/session/open-repo.js";
import { saveSession } from "../../src/session/save.js";
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
