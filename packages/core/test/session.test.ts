import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { loadSession } from "../src/workflows/load-session.js";
import { saveSession } from "../src/workflows/save-session.js";
import { readStateFile } from "../src/store/read-state.js";

afterAll(cleanupTempDirs);

describe("saveSession against real git", () => {
  it("records branch, last commit, staged, modified and created files", async () => {
    const repo = createRepo();
    repo.git("switch", "-q", "-c", "feat/42-login");
    repo.commit("feat: form PROJ-7", { "lib/auth.ts": "export {}\n", "app.ts": "1\n" });
    repo.write({ "lib/auth.ts": "export const a = 1;\n", "new.ts": "new\n", "staged new.ts": "s\n" });
    repo.git("add", "staged new.ts");
    const result = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "Login", nextSteps: ["a", "b"] } });
    const { state } = result;
    expect(state.git).toMatchObject({
      branch: "feat/42-login",
      uncommitted_changes: true,
      staged_files: ["staged new.ts"],
      last_commit: repo.head().slice(0, state.git.last_commit.length),
      issues: expect.arrayContaining(["#42", "PROJ-7"]),
    });
    expect(state.context?.files_modified).toEqual(["lib/auth.ts"]);
    expect([...(state.context?.files_created ?? [])].sort()).toEqual(["new.ts", "staged new.ts"]);
    expect(state.task).toEqual({ description: "Login", status: "in_progress" });
    expect(readFileSync(path.join(repo.root, ".gitignore"), "utf8")).toContain(".claude/.session-state.json");
    expect(readStateFile(result.file)?.state).toEqual(state);
  });

  it("keeps the task and next steps of the previous save unless given new ones", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "opencode", input: { task: "T", nextSteps: ["one"], priority: "high" } });
    const second = await saveSession({ cwd: repo.root, agent: "opencode", input: { status: "blocked" } });
    expect(second.state.task).toEqual({ description: "T", status: "blocked", priority: "high" });
    expect(second.state.context?.next_steps).toEqual(["one"]);
    const third = await saveSession({ cwd: repo.root, agent: "opencode", input: { nextSteps: ["two"] } });
    expect(third.state.context?.next_steps).toEqual(["two"]);
  });

  it("keeps what other tools wrote into the file", async () => {
    const repo = createRepo();
    const first = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "T" } });
    const raw = JSON.parse(readFileSync(first.file, "utf8"));
    raw.other_tool = { x: 1 };
    raw.git.custom = "kept";
    writeFileSync(first.file, JSON.stringify(raw));
    const second = await saveSession({ cwd: repo.root, agent: "claude" });
    expect(second.state).toMatchObject({ other_tool: { x: 1 }, git: { custom: "kept" } });
  });

  it("works in a repository with no commits and on a detached HEAD", async () => {
    const empty = createRepo({ initialCommit: false });
    const first = await saveSession({ cwd: empty.root, agent: "claude" });
    expect(first.state.git).toMatchObject({ branch: "main", last_commit: "" });

    const repo = createRepo();
    repo.commit("second");
    repo.git("checkout", "-q", "--detach", "HEAD~1");
    const detached = await saveSession({ cwd: repo.root, agent: "claude" });
    expect(detached.state.git).toMatchObject({ branch: "", detached: true });
  });
});

describe("loadSession freshness", () => {
  it("is fresh right after a save and refreshes the git part after a commit", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "Keep me" } });
    const fresh = await loadSession({ cwd: repo.root, agent: "claude" });
    expect(fresh.freshness).toBe("fresh");

    const head = repo.commit("feat: more", { "x.ts": "x\n" });
    const loaded = await loadSession({ cwd: repo.root, agent: "claude" });
    expect(loaded.freshness).toBe("refreshed");
    expect(head.startsWith(loaded.state.git.last_commit)).toBe(true);
    expect(loaded.state.task?.description).toBe("Keep me");
    expect((await loadSession({ cwd: repo.root, agent: "claude" })).freshness).toBe("fresh");
  });

  it("notices a branch switch", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude" });
    repo.git("switch", "-q", "-c", "other");
    const loaded = await loadSession({ cwd: repo.root, agent: "claude" });
    expect(loaded.freshness).toBe("refreshed");
    expect(loaded.state.git.branch).toBe("other");
  });
});
