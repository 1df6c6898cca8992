import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, testEnv, type TestRepo } from "@handoff/test-utils";
import { runPrePush } from "../src/pre-push.js";
import { parsePushUpdates } from "../src/pre-push-input.js";

afterAll(cleanupTempDirs);

const ZERO = "0".repeat(40);
const CONFIG = JSON.stringify({
  rules: [{ id: "no-todo", severity: "STRICT", files: "**/*.ts", forbid: "TODO", message: "no TODO", fix: "do it now" }],
  prePush: "block",
});

async function prePush(repo: TestRepo, stdin: string, env: Record<string, string> = {}, remote = "origin") {
  const lines: string[] = [];
  const code = await runPrePush({ cwd: repo.root, remote, url: "/nowhere.git", stdin, env: testEnv(env), out: (line) => lines.push(line) });
  return { code, output: lines.join("\n") };
}

describe("parsePushUpdates", () => {
  it("reads git's lines and ignores anything that is not one", () => {
    const sha = "a".repeat(40);
    const stdin = `refs/heads/main ${sha} refs/heads/main ${ZERO}\ngarbage\nrefs/heads/x --upload-pack=evil refs/heads/x ${ZERO}\n\n(delete) ${ZERO} refs/heads/old ${sha}\n`;
    expect(parsePushUpdates(stdin)).toEqual([
      { localRef: "refs/heads/main", localSha: sha, remoteRef: "refs/heads/main", remoteSha: ZERO },
      { localRef: "(delete)", localSha: ZERO, remoteRef: "refs/heads/old", remoteSha: sha },
    ]);
  });
});

describe("runPrePush", () => {
  it("HANDOFF_SKIP=1 returns 0 at once, without even looking for a repository", async () => {
    const lines: string[] = [];
    const code = await runPrePush({
      cwd: "/nonexistent/handoff/dir",
      remote: "origin",
      url: "x",
      stdin: `refs/heads/main ${"b".repeat(40)} refs/heads/main ${ZERO}\n`,
      env: { HANDOFF_SKIP: "1" },
      out: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines).toEqual([]);
  });

  it("with no remote-tracking refs (a push to a URL), every file of the pushed commit is new to the remote", async () => {
    const repo = createRepo();
    repo.commit("config", { "handoff.config.json": CONFIG, "old.ts": "// TODO old\n" });
    const tip = repo.commit("more", { "new.ts": "// TODO new\n" });
    const result = await prePush(repo, `refs/heads/main ${tip} refs/heads/main ${ZERO}\n`, {}, "/some/url.git");
    expect(result.code).toBe(1);
    expect(result.output).toContain("new.ts:1  STRICT  no-todo  no TODO  (do it now)");
    expect(result.output).toContain("old.ts:1  STRICT  no-todo  no TODO  (do it now)");
  });

  it("a remote commit this repository has never seen falls back to the remote-tracking refs", async () => {
    const repo = createRepo();
    const base = repo.commit("config", { "handoff.config.json": CONFIG, "old.ts": "// TODO old\n" });
    repo.git("update-ref", "refs/remotes/origin/main", base);
    const tip = repo.commit("more", { "new.ts": "// TODO new\n" });
    const unknown = "c".repeat(40);
    const result = await prePush(repo, `refs/heads/main ${tip} refs/heads/main ${unknown}\n`);
    expect(result.code).toBe(1);
    expect(result.output).toContain("new.ts:1");
    expect(result.output).not.toContain("old.ts");
  });

  it("a ref moved to a commit the remote already has brings nothing to check", async () => {
    const repo = createRepo();
    const tip = repo.commit("config", { "handoff.config.json": CONFIG, "old.ts": "// TODO old\n" });
    repo.git("update-ref", "refs/remotes/origin/main", tip);
    const result = await prePush(repo, `refs/heads/release ${tip} refs/heads/release ${ZERO}\n`);
    expect(result).toEqual({ code: 0, output: "" });
  });

  it("lists at most 50 violations per kind and counts the rest", async () => {
    const repo = createRepo();
    const files: Record<string, string> = { "handoff.config.json": CONFIG };
    for (let i = 0; i < 60; i += 1) files[`src/f${String(i).padStart(2, "0")}.ts`] = "// TODO\n";
    const tip = repo.commit("many", files);
    const result = await prePush(repo, `refs/heads/main ${tip} refs/heads/main ${ZERO}\n`);
    expect(result.code).toBe(1);
    expect(result.output).toContain("handoff: 60 STRICT rule violations in the commits being pushed:");
    expect(result.output.split("\n").filter((line) => line.includes("  STRICT  no-todo"))).toHaveLength(50);
    expect(result.output).toContain("... and 10 more (run `handoff validate` for the full list)");
  });

  it("no rules: nothing to check", async () => {
    const repo = createRepo();
    const tip = repo.commit("x", { "a.ts": "// TODO\n" });
    expect(await prePush(repo, `refs/heads/main ${tip} refs/heads/main ${ZERO}\n`)).toEqual({ code: 0, output: "" });
  });
});
