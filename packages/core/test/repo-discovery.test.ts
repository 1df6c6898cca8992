import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir } from "@handoff/test-utils";
import { HandoffError } from "../src/errors.js";
import { CONFIG_FILE } from "../src/config/file-name.js";
import { resolveRepo } from "../src/git/repo.js";
import { openRepo } from "../src/workflows/open-repo.js";

afterAll(cleanupTempDirs);

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return error instanceof HandoffError ? error.code : String(error);
}

describe("repository discovery: one git process, no simple-git, zod only for a config file", () => {
  it("finds root, git directory and HEAD from a subdirectory", async () => {
    const repo = createRepo();
    repo.write({ "src/a.ts": "a\n" });
    const found = await resolveRepo(path.join(repo.root, "src"));
    expect(found.root).toBe(repo.root);
    expect(found.gitDir).toBe(path.join(repo.root, ".git"));
    expect(found.head).toBe(repo.head());
  });

  it("gives a null HEAD in a repository with no commits", async () => {
    const repo = createRepo({ initialCommit: false });
    expect((await resolveRepo(repo.root)).head).toBeNull();
  });

  it("says E_NOT_GIT_REPO outside a repository, for a missing folder and for a file", async () => {
    const outside = makeTempDir();
    const file = path.join(outside, "file.txt");
    writeFileSync(file, "x");
    expect(await codeOf(resolveRepo(outside))).toBe("E_NOT_GIT_REPO");
    expect(await codeOf(resolveRepo(path.join(outside, "missing")))).toBe("E_NOT_GIT_REPO");
    expect(await codeOf(resolveRepo(file))).toBe("E_NOT_GIT_REPO");
  });

  it("openRepo reads the config file only when there is one, with loadConfig's errors", async () => {
    const repo = createRepo();
    expect((await openRepo(repo.root)).config).toEqual({});
    repo.write({ [CONFIG_FILE]: '{ "agents": { "zed": ".zed/state.json" } }' });
    expect((await openRepo(repo.root)).config).toEqual({ agents: { zed: ".zed/state.json" } });
    repo.write({ [CONFIG_FILE]: '{ "agents": 3 }' });
    expect(await codeOf(openRepo(repo.root))).toBe("E_CONFIG_INVALID");
  });
});
