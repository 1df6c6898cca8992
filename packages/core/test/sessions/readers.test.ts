import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readAgentSession } from "@handoff/core";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { AGENT_HOMES, installFixture, PLANTED_SECRETS, setUpSessions, snapshotOf } from "../fixtures/sessions/install.js";

afterAll(cleanupTempDirs);

describe("reading each agent's own latest session", () => {
  it("Claude Code: first request, todos without done items, files, commands with exit codes, model", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "claude", root, env });
    expect(session?.input).toEqual({
      task: "Add rate limiting to the login endpoint. My key is [REDACTED] and AWS [REDACTED]",
      nextSteps: ["Fix the failing login test", "Document the limit in the README"],
      filesModified: ["src/login.ts"],
      filesCreated: ["src/rate-limit.ts"],
      commandsRun: [
        { command: "ANTHROPIC_API_KEY=[REDACTED] npm test", exit_code: 1 },
        { command: "npx tsc --noEmit", exit_code: 0 },
      ],
      model: "claude-sonnet-4-5-20250929",
      provider: "anthropic",
    });
    expect(session?.redactions).toBe(3);
    expect(notes.join("\n")).toMatch(/skipped 1 transcript line\(s\) of a kind handoff does not know \(future-record-kind\)/);
    expect(notes.join("\n")).toMatch(/skipped 1 line\(s\) that are not JSON/);
    expect(notes.join("\n")).toMatch(/1 file edit\(s\) outside the repository/);
  });

  it("Codex CLI: the typed request, the plan, apply_patch files, both exit-code formats, model and thread name", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "codex", root, env });
    expect(session?.input).toEqual({
      task: "Fix the flaky date test. Use OPENAI_API_KEY=[REDACTED] if needed",
      nextSteps: ["Freeze the clock in every date test", "Run the suite ten times"],
      filesModified: ["src/date.ts"],
      filesCreated: ["test/clock.ts"],
      commandsRun: [
        { command: "npm test", exit_code: 1 },
        { command: "npm test -- date", exit_code: 0 },
      ],
      model: "gpt-5-codex",
      provider: "openai",
    });
    expect(notes.join("\n")).toMatch(/skipped 1 rollout line\(s\).*\(future_item\)/);
  });

  it("Gemini CLI: replays rewinds and metadata updates, reads tool calls and the todo list", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "gemini", root, env });
    expect(session?.input).toEqual({
      task: "Make the CLI print a summary table",
      nextSteps: ["Align the columns", "Add a --json output"],
      filesModified: ["src/cli.ts"],
      filesCreated: ["src/table.ts"],
      commandsRun: [
        { command: "curl -H 'Authorization: Bearer [REDACTED]' https://api.example.com/health", exit_code: 7 },
        { command: "npm run build", exit_code: 0 },
      ],
      model: "gemini-2.5-pro",
      provider: "google",
    });
    expect(notes.join("\n")).toMatch(/skipped 1 chat record\(s\)/);
  });

  it("OpenCode: the newest top-level session of the project, its parts and saved todo list", async () => {
    const { root, env } = setUpSessions();
    const { session } = await readAgentSession({ agent: "opencode", root, env });
    expect(session?.sessionId).toBe("ses_01");
    expect(session?.input).toEqual({
      task: "Cache the settings page for five minutes; the database is postgres://admin:[REDACTED]@db.internal:5432/app",
      nextSteps: ["Invalidate the cache on save"],
      filesModified: ["src/settings.ts"],
      filesCreated: ["src/cache.ts"],
      commandsRun: [
        { command: "npm run build", exit_code: 0 },
        { command: "npm test", exit_code: 2 },
      ],
      model: "qwen3-coder",
      provider: "groq",
    });
  });

  it("never passes a planted secret on, and never writes into the agents' stores", async () => {
    const { home, root, env } = setUpSessions();
    const before = snapshotOf(home);
    const read = await Promise.all(["claude", "codex", "gemini", "opencode"].map((agent) => readAgentSession({ agent, root, env })));
    const text = JSON.stringify(read);
    for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
    expect(snapshotOf(home)).toEqual(before);
  });
});

describe("where the sessions are looked for", () => {
  it("HANDOFF_<AGENT>_DIR overrides the agent's own location", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const custom = installFixture("claude", path.join(makeTempDir("handoff-custom-"), "claude-store"), root);
    expect((await readAgentSession({ agent: "claude", root, env: { HOME: home } })).session).toBeUndefined();
    const { session } = await readAgentSession({ agent: "claude", root, env: { HOME: home, HANDOFF_CLAUDE_DIR: custom } });
    expect(session?.file.startsWith(custom)).toBe(true);
  });

  it("honours the agents' own variables: CLAUDE_CONFIG_DIR, CODEX_HOME, GEMINI_CLI_HOME, XDG_DATA_HOME", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const elsewhere = makeTempDir("handoff-elsewhere-");
    installFixture("claude", path.join(elsewhere, "claude-config"), root);
    installFixture("codex", path.join(elsewhere, "codex-home"), root);
    installFixture("gemini", path.join(elsewhere, "gemini-home", ".gemini"), root);
    installFixture("opencode", path.join(elsewhere, "xdg-data", "opencode"), root);
    const env = {
      HOME: home,
      CLAUDE_CONFIG_DIR: path.join(elsewhere, "claude-config"),
      CODEX_HOME: path.join(elsewhere, "codex-home"),
      GEMINI_CLI_HOME: path.join(elsewhere, "gemini-home"),
      XDG_DATA_HOME: path.join(elsewhere, "xdg-data"),
    };
    for (const agent of ["claude", "codex", "gemini", "opencode"]) {
      const { session } = await readAgentSession({ agent, root, env });
      expect(session?.file.startsWith(elsewhere), agent).toBe(true);
    }
  });

  it("does not take another repository's session", async () => {
    const { env } = setUpSessions();
    const other = makeTempDir("handoff-other-");
    for (const agent of ["claude", "codex", "gemini", "opencode"]) {
      const result = await readAgentSession({ agent, root: other, env });
      expect(result.session, agent).toBeUndefined();
      expect(result.notes.join("\n"), agent).toMatch(/no .* (session|transcript|chat|storage)/i);
    }
  });

  it("a session started in a folder inside the repository counts", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const sub = path.join(root, "packages", "app");
    mkdirSync(sub, { recursive: true });
    installFixture("claude", path.join(home, AGENT_HOMES.claude), sub);
    installFixture("codex", path.join(home, AGENT_HOMES.codex), sub);
    for (const agent of ["claude", "codex"]) {
      const { session } = await readAgentSession({ agent, root, env: { HOME: home } });
      expect(session, agent).toBeDefined();
    }
    const { session } = await readAgentSession({ agent: "claude", root, env: { HOME: home } });
    expect(session?.input.filesCreated).toEqual(["packages/app/src/rate-limit.ts"]);
  });
});

describe("reading defensively", () => {
  it("a truncated or garbled transcript gives notes, not a crash", async () => {
    const { home, root, env } = setUpSessions();
    const dir = path.join(home, AGENT_HOMES.claude, "projects", root.replace(/[^a-zA-Z0-9]/g, "-"));
    const file = readdirSync(dir).map((name) => path.join(dir, name))[0]!;
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 2500) + "\n{\"type\":\"user\",\"message\":");
    const result = await readAgentSession({ agent: "claude", root, env });
    expect(result.session?.input.task).toMatch(/^Add rate limiting/);
    expect(result.notes.join("\n")).toMatch(/not JSON/);
  });

  it("an agent without a reader says so", async () => {
    const { root, env } = setUpSessions();
    const result = await readAgentSession({ agent: "windsurf", root, env });
    expect(result.session).toBeUndefined();
    expect(result.notes[0]).toMatch(/cannot read Windsurf sessions/);
  });
});
