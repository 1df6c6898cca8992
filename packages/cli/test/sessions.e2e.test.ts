import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, nodeWithSqlite, runHandoff, type TestRepo } from "@handoff/test-utils";
import { AGENT_HOMES, FIXTURES, installAllFixtures, PLANTED_SECRETS } from "../../core/test/fixtures/sessions/install.js";

afterAll(cleanupTempDirs);

const GIT_DIR = path.dirname(execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim());

/** The files the fixture sessions edit (committed, then changed) and create (new, untracked), as git would show them. */
const EDITED = ["src/login.ts", "src/date.ts", "src/cli.ts", "src/settings.ts"];
const CREATED = ["src/rate-limit.ts", "test/clock.ts", "src/table.ts", "src/cache.ts"];

/** The variables of the other agents that read sessions, blanked like the four above. */
const OTHER_AGENT_VARIABLES = Object.fromEntries(
  ["XDG_CONFIG_HOME", "COPILOT_HOME", "CURSOR_CONFIG_DIR", "QWEN_RUNTIME_DIR", "CLINE_DATA_DIR", "CLINE_DIR", "GOOSE_PATH_ROOT", "KIMI_SHARE_DIR", "AIDER_CHAT_HISTORY_FILE"].map((name) => [name, ""]),
);

/** A repository in the state the sessions left it, and a home folder holding a session of every supported agent for it. */
function setUp(): { repo: TestRepo; home: string; env: Record<string, string> } {
  const repo = createRepo();
  repo.commit("the files before the sessions", Object.fromEntries(EDITED.map((file) => [file, "before\n"])));
  repo.write(Object.fromEntries([...EDITED, ...CREATED].map((file) => [file, "after\n"])));
  const home = makeTempDir("handoff-home-");
  installAllFixtures(home, repo.root);
  // The agents' own variables from the machine running the tests must not point elsewhere.
  const env = { HOME: home, CLAUDE_CONFIG_DIR: "", CODEX_HOME: "", GEMINI_CLI_HOME: "", XDG_DATA_HOME: "", HANDOFF_OFFLINE: "1", ...OTHER_AGENT_VARIABLES };
  return { repo, home, env };
}

function stateOf(repo: TestRepo, file: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(repo.root, file), "utf8"));
}

function expectNoPlantedSecret(text: string): void {
  for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
}

/** A stand-in program on PATH that records each argument it was started with. */
function standIn(name: string): { bin: string; record: string } {
  const bin = makeTempDir("handoff-bin-");
  const record = path.join(bin, `${name}.args`);
  const script = `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n<<END>>\\n' "$arg"; done > "${record}"\ncat > "${record}.stdin" 2>/dev/null || true\n`;
  writeFileSync(path.join(bin, name), script);
  chmodSync(path.join(bin, name), 0o755);
  return { bin, record };
}

function recordedArgs(record: string): string[] {
  return readFileSync(record, "utf8").split("\n<<END>>\n").filter((arg) => arg !== "");
}

describe("OpenCode 1.2 and later: the sessions in opencode.db", () => {
  const MIGRATE = path.join(FIXTURES, "opencode-to-sqlite.mjs");
  const sqliteNode = nodeWithSqlite();
  const READ = ["task", "context", "model", "provider"] as const;
  const readPart = (state: Record<string, any>) => Object.fromEntries(READ.map((key) => [key, state[key]]));

  /** The fixture's JSON store, and the same sessions moved into opencode.db the way OpenCode migrates them. */
  function migrated(node: string): ReturnType<typeof setUp> & { store: string } {
    const setup = setUp();
    const store = path.join(setup.home, AGENT_HOMES.opencode);
    execFileSync(node, [MIGRATE, store], { stdio: "pipe" });
    return { ...setup, store };
  }

  it.skipIf(!sqliteNode)("reads from the database what the JSON storage gave, without Node's experimental warning", () => {
    const { repo, store, env } = migrated(sqliteNode!);
    const fromJson = runHandoff(repo.root, ["save", "opencode", "--from-session"], { env });
    expect(fromJson.code, fromJson.stderr).toBe(0);
    const expected = readPart(stateOf(repo, ".opencode/.session-state.json"));
    rmSync(path.join(store, "storage"), { recursive: true });
    const fromDb = runHandoff(repo.root, ["save", "opencode", "--from-session"], { env, node: sqliteNode });
    expect(fromDb.code, fromDb.stderr).toBe(0);
    expect(fromDb.stderr).toContain(`📖 Read the OpenCode session`);
    expect(fromDb.stderr).not.toMatch(/ExperimentalWarning|SQLite is an experimental/);
    expect(readPart(stateOf(repo, ".opencode/.session-state.json"))).toEqual(expected);
    expect(expected.task.description).toContain("Cache the settings page for five minutes");
    expectNoPlantedSecret(readFileSync(path.join(repo.root, ".opencode/.session-state.json"), "utf8"));
  });

  it.skipIf(!sqliteNode)("reads the database on this Node.js too, with or without node:sqlite (sql.js otherwise)", () => {
    const { repo, store, env } = migrated(sqliteNode!);
    rmSync(path.join(store, "storage"), { recursive: true });
    const result = runHandoff(repo.root, ["save", "opencode", "--from-session"], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`📖 Read the OpenCode session`);
    expect(stateOf(repo, ".opencode/.session-state.json").task.description).toContain("Cache the settings page for five minutes");
  });

  it("names a database it cannot read, and reads the older storage folder", () => {
    const { repo, home, env } = setUp();
    writeFileSync(path.join(home, AGENT_HOMES.opencode, "opencode.db"), "this is not a SQLite database, just text long enough to have a header");
    const result = runHandoff(repo.root, ["save", "opencode", "--from-session"], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/could not read .*opencode\.db: .*not a database/);
    expect(stateOf(repo, ".opencode/.session-state.json").task.description).toContain("Cache the settings page for five minutes");
  });
});

describe("handoff save <agent> --from-session", () => {
  it.each([
    ["claude", ".claude/.session-state.json", "Add rate limiting to the login endpoint", ["src/login.ts"], "Fix the failing login test"],
    ["codex", ".codex/.session-state.json", "Fix the flaky date test", ["src/date.ts"], "Freeze the clock in every date test"],
    ["gemini", ".gemini/.session-state.json", "Make the CLI print a summary table", ["src/cli.ts"], "Align the columns"],
    ["opencode", ".opencode/.session-state.json", "Cache the settings page for five minutes", ["src/settings.ts"], "Invalidate the cache on save"],
  ])("fills %s's state from its own latest session", (agent, file, task, modified, firstStep) => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["save", agent, "--from-session"], { env });
    expect(result.code, result.stderr).toBe(0);
    const state = stateOf(repo, file);
    expect(state.task.description).toContain(task);
    expect(state.context.files_modified).toEqual(modified);
    expect(state.context.next_steps[0]).toBe(firstStep);
    expect(state.context.commands_run.length).toBeGreaterThan(0);
    expect(typeof state.model).toBe("string");
    expect(result.stderr).toMatch(/📖 Read the .* session /);
    expect(result.stderr).toMatch(/skipped \d+ .* of a kind handoff does not know/);
    expectNoPlantedSecret(readFileSync(path.join(repo.root, file), "utf8"));
  });

  it("keeps what the user gives on the command line over what the session says", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["save", "claude", "--from-session", "--task", "My own words", "-n", "Step A", "--model", "opus"], { env });
    expect(result.code, result.stderr).toBe(0);
    const state = stateOf(repo, ".claude/.session-state.json");
    expect(state.task.description).toBe("My own words");
    expect(state.context.next_steps).toEqual(["Step A"]);
    expect(state.model).toBe("opus");
    expect(state.context.files_created).toEqual(["src/rate-limit.ts"]);
  });

  it("reports the redactions and never writes a transcript's secret into the state file", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["save", "claude", "--from-session", "--json"], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/🔒 Redacted 3 secrets from the Claude Code session/);
    expect(JSON.parse(result.stdout).task.description).toContain("[REDACTED]");
    expectNoPlantedSecret(result.stdout);
    expectNoPlantedSecret(readFileSync(path.join(repo.root, ".claude/.session-state.json"), "utf8"));
  });

  it("says so and still saves when the agent has no session for this repository", () => {
    const repo = createRepo();
    const home = makeTempDir("handoff-home-");
    const result = runHandoff(repo.root, ["save", "claude", "--from-session", "--task", "typed"], { env: { HOME: home, CLAUDE_CONFIG_DIR: "" } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/No Claude Code session found for this repository/);
    expect(stateOf(repo, ".claude/.session-state.json").task.description).toBe("typed");
  });

  it("rejects an unknown agent as bad usage before looking for its session", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["save", "nosuchagent", "--from-session"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/session found|saving without one/);
  });

  it("honours HANDOFF_CLAUDE_DIR", () => {
    const repo = createRepo();
    const { home } = setUp();
    const empty = makeTempDir("handoff-empty-home-");
    const env = { HOME: empty, CLAUDE_CONFIG_DIR: "", HANDOFF_CLAUDE_DIR: path.join(home, ".claude") };
    // The fixtures were written for another repository: nothing matches this one.
    expect(runHandoff(repo.root, ["save", "claude", "--from-session"], { env }).stderr).toMatch(/No Claude Code session/);
    const matching = setUp();
    const result = runHandoff(matching.repo.root, ["save", "claude", "--from-session"], { env: { ...env, HANDOFF_CLAUDE_DIR: path.join(matching.home, ".claude") } });
    expect(result.stderr).toContain(path.join(matching.home, ".claude", "projects"));
  });
});

describe("handoff switch reads <from>'s session by default", () => {
  it("hands the session's task and todo list to the next agent", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["switch", "claude", "opencode"], { env });
    expect(result.code, result.stderr).toBe(0);
    const handed = stateOf(repo, ".opencode/.session-state.json");
    expect(handed.task.description).toMatch(/^Add rate limiting/);
    expect(handed.context.next_steps).toEqual(["Fix the failing login test", "Document the limit in the README"]);
    expect(result.stdout).toContain("Next action: Fix the failing login test");
    expectNoPlantedSecret(result.stdout + readFileSync(path.join(repo.root, ".opencode/.session-state.json"), "utf8"));
  });

  it("--no-session leaves the agent's session alone", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--no-session", "--task", "typed"], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/Read the Claude Code session/);
    expect(stateOf(repo, ".opencode/.session-state.json").task.description).toBe("typed");
  });
});

describe("handoff restore --prompt", () => {
  it("redacts secrets in the state before printing the prompt, and counts them", () => {
    const repo = createRepo();
    // save redacts what was typed already; the prompt redacts a state file that still holds secrets.
    const saved = runHandoff(repo.root, ["save", "claude", "--task", `deploy with AKIAFAKE7EXAMPLE1234 and token ghp_${"A1b2".repeat(9)}`]);
    expect(saved.stderr).toMatch(/🔒 Redacted 2 secrets from the options before saving/);
    const file = path.join(repo.root, ".claude/.session-state.json");
    writeFileSync(file, readFileSync(file, "utf8").replace("deploy with [REDACTED] and token [REDACTED]", `deploy with AKIAFAKE7EXAMPLE1234 and token ghp_${"A1b2".repeat(9)}`));
    const result = runHandoff(repo.root, ["restore", "claude", "--prompt"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Task: deploy with [REDACTED] and token [REDACTED]");
    expect(result.stdout).not.toMatch(/AKIAFAKE|ghp_/);
    expect(result.stderr).toMatch(/🔒 Redacted 2 secrets from the prompt/);
  });

  it("--max-tokens shortens the file list and says what it left out", () => {
    const repo = createRepo();
    const files = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`src/feature-${i}/component-with-a-long-name-${i}.ts`, "x\n"]));
    repo.write(files);
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Refactor the components", "-n", "Run the tests"]).code).toBe(0);
    const full = runHandoff(repo.root, ["restore", "claude", "--prompt"]);
    expect(full.stdout).toContain("component-with-a-long-name-79.ts");
    const short = runHandoff(repo.root, ["restore", "claude", "--prompt", "--max-tokens", "300"]);
    expect(short.code).toBe(0);
    expect(short.stdout.length / 4).toBeLessThanOrEqual(301);
    expect(short.stdout).toContain("Task: Refactor the components");
    expect(short.stdout).toContain("1. Run the tests");
    expect(short.stdout).toContain("- Branch: main");
    expect(short.stdout).toMatch(/Left out to fit a 300-token budget: \d+ of 80 files/);
    expect(short.stderr).toMatch(/✂️ {2}Prompt shortened to fit 300 tokens/);
  });

  it("rejects a --max-tokens that is not a positive whole number", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude"]).code).toBe(0);
    const result = runHandoff(repo.root, ["restore", "claude", "--prompt", "--max-tokens", "lots"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--max-tokens must be a positive whole number; got "lots"/);
  });
});

describe("handoff switch --launch and --copy", () => {
  it("--launch starts the target's CLI with the prompt when it is on PATH", () => {
    const { repo, env } = setUp();
    const opencode = standIn("opencode");
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--launch"], { env: { ...env, PATH: `${opencode.bin}${path.delimiter}${GIT_DIR}` } });
    expect(result.code, result.stderr).toBe(0);
    const args = recordedArgs(opencode.record);
    expect(args[0]).toBe("--prompt");
    expect(args).toHaveLength(2);
    expect(args[1]).toContain("Task: Add rate limiting to the login endpoint");
    expect(args[1]).toContain("1. Fix the failing login test");
    expectNoPlantedSecret(args[1]!);
  });

  it("--launch passes the prompt as the only argument to CLIs that take it that way", () => {
    const { repo, env } = setUp();
    const claude = standIn("claude");
    const result = runHandoff(repo.root, ["switch", "codex", "claude", "--launch"], { env: { ...env, PATH: `${claude.bin}${path.delimiter}${GIT_DIR}` } });
    expect(result.code, result.stderr).toBe(0);
    const args = recordedArgs(claude.record);
    expect(args).toHaveLength(1);
    expect(args[0]).toMatch(/^I'm continuing work from Codex CLI/);
    expect(args[0]).toContain("Recent commands:");
    expectNoPlantedSecret(args[0]!);
  });

  it("--launch prints the command to run when the CLI is not installed", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["switch", "claude", "gemini", "--launch"], { env: { ...env, PATH: GIT_DIR } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("gemini is not on PATH");
    expect(result.stderr).toContain(`gemini -i "$(handoff restore gemini --prompt)"`);
  });

  it("--copy puts the prompt on the clipboard with the tool it finds", () => {
    const { repo, env } = setUp();
    const xclip = standIn("xclip");
    const result = runHandoff(repo.root, ["switch", "claude", "codex", "--copy"], { env: { ...env, PATH: `${xclip.bin}${path.delimiter}${GIT_DIR}`, WAYLAND_DISPLAY: "" } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("📋 The prompt for codex is on the clipboard (xclip)");
    expect(recordedArgs(xclip.record)).toEqual(["-selection", "clipboard"]);
    const copied = readFileSync(`${xclip.record}.stdin`, "utf8");
    expect(copied).toContain("Task: Add rate limiting to the login endpoint");
    expectNoPlantedSecret(copied);
  });

  it("--copy says when no clipboard tool is found", () => {
    const { repo, env } = setUp();
    const empty = makeTempDir("handoff-bin-");
    const result = runHandoff(repo.root, ["switch", "claude", "codex", "--copy"], { env: { ...env, PATH: `${empty}${path.delimiter}${GIT_DIR}` } });
    expect(result.code).toBe(0);
    if (!["xclip", "xsel", "wl-copy", "clip.exe", "pbcopy"].some((tool) => existsSync(path.join(GIT_DIR, tool)))) {
      expect(result.stderr).toMatch(/No clipboard tool found \(tried pbcopy, wl-copy, xclip, xsel, clip\.exe\)/);
    }
  });

  it("--launch cannot be combined with --json", () => {
    const { repo, env } = setUp();
    const result = runHandoff(repo.root, ["switch", "claude", "codex", "--launch", "--json"], { env });
    expect(result.code).toBe(2);
  });
});

describe("handoff agents", () => {
  it("shows which agents have a readable session here", () => {
    const { repo, env } = setUp();
    const table = runHandoff(repo.root, ["agents"], { env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/AGENT\s+NAME\s+STATE FILE\s+STATE\s+SESSION/);
    expect(table.stdout).toMatch(/claude\s+Claude Code\s+\S+\s+-\s+✓ readable/);
    expect(table.stdout).toMatch(/aider\s+Aider\s+\S+\s+-\s+-/);
    expect(table.stdout).toMatch(/windsurf\s+Windsurf\s+\S+\s+-\s+n\/a/);
    const json = JSON.parse(runHandoff(repo.root, ["agents", "--json"], { env }).stdout) as { name: string; hasSession: boolean }[];
    const withSession = json.filter((agent) => agent.hasSession).map((agent) => agent.name);
    // Every agent whose fixture is under the home folder; Aider's and Crush's live in the repository.
    expect(withSession.sort()).toEqual(["amp", "antigravity", "claude", "cline", "codex", "copilot", "cursor", "droid", "gemini", "goose", "kimi", "opencode", "qwen", "roo"]);
  });

  it("shows no session for a repository the agents never worked in", () => {
    const repo = createRepo();
    const home = makeTempDir("handoff-home-");
    const json = JSON.parse(runHandoff(repo.root, ["agents", "--json"], { env: { HOME: home, CLAUDE_CONFIG_DIR: "", CODEX_HOME: "", GEMINI_CLI_HOME: "", XDG_DATA_HOME: "" } }).stdout);
    expect(json.filter((agent: { hasSession: boolean }) => agent.hasSession)).toEqual([]);
  });
});
