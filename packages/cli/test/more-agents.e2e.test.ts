import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff, type TestRepo } from "@handoff/test-utils";
import { installAllFixtures, installRepoFixture, PLANTED_SECRETS } from "../../core/test/fixtures/sessions/install.js";

afterAll(cleanupTempDirs);

/** A repository with Aider's history and Crush's database in it, and every other agent's session under a home folder. */
function setUp(): { repo: TestRepo; env: Record<string, string> } {
  const repo = createRepo();
  const home = makeTempDir("handoff-home-");
  installAllFixtures(home, repo.root);
  installRepoFixture("aider", repo.root);
  installRepoFixture("crush", repo.root);
  // The agents' own variables from the machine running the tests must not point elsewhere.
  const env = {
    HOME: home,
    ...Object.fromEntries(["CLAUDE_CONFIG_DIR", "CODEX_HOME", "GEMINI_CLI_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "COPILOT_HOME", "CURSOR_CONFIG_DIR", "QWEN_RUNTIME_DIR", "CLINE_DATA_DIR", "CLINE_DIR", "GOOSE_PATH_ROOT", "KIMI_SHARE_DIR", "AIDER_CHAT_HISTORY_FILE"].map((name) => [name, ""])),
    HANDOFF_OFFLINE: "1",
  };
  return { repo, env };
}

const SIXTEEN = ["claude", "codex", "gemini", "opencode", "copilot", "cursor", "qwen", "aider", "cline", "roo", "amp", "goose", "crush", "droid", "kimi", "antigravity"];

describe("handoff agents", () => {
  it("lists sixteen agents whose sessions it reads, each with a readable session here", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["agents", "--json"], { env });
    expect(result.code, result.stderr).toBe(0);
    const agents = JSON.parse(result.stdout) as Array<{ name: string; readsSessions: boolean; hasSession: boolean }>;
    const reading = agents.filter((agent) => agent.readsSessions).map((agent) => agent.name);
    expect(reading.sort()).toEqual([...SIXTEEN].sort());
    expect(agents.filter((agent) => agent.hasSession).map((agent) => agent.name).sort()).toEqual([...SIXTEEN].sort());
  });
});

describe("handoff save <agent> --from-session, for the agents beyond the first four", () => {
  it.each([
    ["copilot", ".github/copilot-session-state.json", "Add pagination to the orders API", "Add page and per_page parameters"],
    ["cursor", ".cursor/.session-state.json", "Rename the config loader to loadSettings", "Update the call sites"],
    ["crush", ".crush/.session-state.json", "Reject uploads over 10 MB", "Reject files over 10 MB"],
    ["goose", ".goose/.session-state.json", "Log the database queries slower than 200 ms", "Log queries slower than 200 ms"],
    ["kimi", ".kimi/.session-state.json", "Split the report generator into one module per format", "Extract the PDF writer"],
  ])("fills %s's state from its own latest session (SQLite stores through the bundled sql.js on Node 20)", (agent, file, task, firstStep) => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["save", agent, "--from-session"], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/📖 Read the .* session /);
    const text = readFileSync(path.join(repo.root, file), "utf8");
    const state = JSON.parse(text);
    expect(state.task.description).toContain(task);
    expect(state.context.next_steps[0]).toBe(firstStep);
    expect(state.context.commands_run.length).toBeGreaterThan(0);
    for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
  });

  it("says the session is unreadable, naming the file and the format, instead of 'no session found'", () => {
    const repo = createRepo();
    const outside = path.join(makeTempDir("handoff-outside-"), "notes.md");
    writeFileSync(outside, "# aider chat started at 2024-01-01 00:00:00\n#### read me\n");
    symlinkSync(outside, path.join(repo.root, ".aider.chat.history.md"));
    const result = runHandoff(repo.root, ["save", "aider", "--from-session", "--task", "typed"], { env: { HOME: makeTempDir("handoff-home-"), AIDER_CHAT_HISTORY_FILE: "" } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/The Aider session is unreadable, saving without it: .*\.aider\.chat\.history\.md: unreadable \(format not a regular file\)/);
    expect(result.stderr).not.toMatch(/No Aider session found/);
  });
});
