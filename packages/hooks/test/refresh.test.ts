import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveRepo, saveSession, type SessionState } from "@handoff/core";
import { cleanupTempDirs, createRepo, testEnv } from "@handoff/test-utils";
import { refreshAgentStates } from "../src/refresh.js";

afterAll(cleanupTempDirs);
// saveSession and the refresh run git in this process: keep the developer's git config out of it.
Object.assign(process.env, { GIT_CONFIG_GLOBAL: testEnv().GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: "1" });

const CLAUDE = ".claude/.session-state.json";

function readState(root: string, file = CLAUDE): SessionState {
  return JSON.parse(readFileSync(path.join(root, file), "utf8")) as SessionState;
}

async function saved(agent = "claude", task = "Implement login") {
  const repo = createRepo();
  await saveSession({ cwd: repo.root, agent, input: { task, nextSteps: ["Test login flow"] } });
  repo.commit("ignore state files", { ".gitignore": readFileSync(path.join(repo.root, ".gitignore"), "utf8") });
  return repo;
}

describe("refreshing the agents' state files", () => {
  it("brings branch, last commit, staged files and issues up to date and keeps task, context and validation", async () => {
    const repo = await saved();
    const file = path.join(repo.root, CLAUDE);
    const before = readState(repo.root);
    before.validation = { typescript: "pass", eslint: "fail", tests: "not_run", strict_rules: "pending" };
    writeFileSync(file, JSON.stringify(before, null, 2));

    repo.git("switch", "-q", "-c", "feat/login-42");
    repo.commit("feat: login form, fixes #7", { "login.ts": "export {};\n" });
    repo.write({ "staged.ts": "1\n" });
    repo.git("add", "staged.ts");

    const report = await refreshAgentStates(await resolveRepo(repo.root));
    expect(report.refreshed).toEqual([CLAUDE]);

    const after = readState(repo.root);
    expect(after.git.branch).toBe("feat/login-42");
    expect(after.git.last_commit).toBe(repo.git("rev-parse", "--short", "HEAD").trim());
    expect(after.git.staged_files).toEqual(["staged.ts"]);
    expect(after.git.uncommitted_changes).toBe(true);
    expect(after.git.issues).toEqual(expect.arrayContaining(["#42", "#7"]));
    expect(after.task).toEqual(before.task);
    expect(after.context).toEqual(before.context);
    expect(after.validation).toEqual(before.validation);
    expect(after.timestamp).toBe(before.timestamp);
  });

  it("never creates a state file", async () => {
    const repo = await saved("claude");
    await refreshAgentStates(await resolveRepo(repo.root));
    for (const file of [".opencode/.session-state.json", ".github/copilot-session-state.json", ".codex/.session-state.json"]) {
      expect(existsSync(path.join(repo.root, file))).toBe(false);
    }
    expect(existsSync(path.join(repo.root, ".opencode"))).toBe(false);
  });

  it("does nothing, without reading git status, in a repository with no state file", async () => {
    const repo = createRepo();
    expect(await refreshAgentStates(await resolveRepo(repo.root))).toEqual({ refreshed: [], tracked: [], failed: [] });
  });

  it("leaves a state file that git tracks alone", async () => {
    const repo = await saved("copilot");
    const file = ".github/copilot-session-state.json";
    repo.git("add", "-f", file);
    repo.git("commit", "-q", "-m", "track the state by mistake");
    const bytes = readFileSync(path.join(repo.root, file), "utf8");
    repo.commit("another commit");

    const report = await refreshAgentStates(await resolveRepo(repo.root));
    expect(report).toMatchObject({ refreshed: [], tracked: [file] });
    expect(readFileSync(path.join(repo.root, file), "utf8")).toBe(bytes);
  });

  it("reports a corrupt state file and still refreshes the others", async () => {
    const repo = await saved("claude");
    await saveSession({ cwd: repo.root, agent: "opencode", input: { task: "Other task" } });
    writeFileSync(path.join(repo.root, CLAUDE), "{ not json");
    repo.commit("next");

    const report = await refreshAgentStates(await resolveRepo(repo.root));
    expect(report.refreshed).toEqual([".opencode/.session-state.json"]);
    expect(report.failed).toEqual([{ file: CLAUDE, message: expect.stringContaining(CLAUDE) }]);
    expect(readFileSync(path.join(repo.root, CLAUDE), "utf8")).toBe("{ not json");
    expect(readState(repo.root, ".opencode/.session-state.json").git.last_commit).toBe(repo.git("rev-parse", "--short", "HEAD").trim());
  });
});
