import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readAgentSession, SESSION_AGENTS } from "@handoff/core";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { AGENT_HOMES, installFixture, installRepoFixture, PLANTED_SECRETS, setUpSessions, snapshotOf } from "../fixtures/sessions/install.js";

afterAll(cleanupTempDirs);

const HOME_AGENTS = ["copilot", "cursor", "qwen", "cline", "roo", "amp", "goose", "droid", "kimi", "antigravity"] as const;

describe("sixteen agents' sessions", () => {
  it("are read: Claude Code, Codex, Gemini, OpenCode and twelve more", () => {
    expect(SESSION_AGENTS).toEqual(["claude", "codex", "gemini", "opencode", "copilot", "cursor", "qwen", "aider", "cline", "roo", "amp", "goose", "crush", "droid", "kimi", "antigravity"]);
  });
});

describe("reading each agent's latest session", () => {
  it("GitHub Copilot CLI: events.jsonl, its todo checklist, create/edit, bash exit codes, model", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "copilot", root, env });
    expect(session?.sessionId).toBe("7c1d2e3f-4a5b-4c6d-8e7f-901234567890");
    expect(session?.input).toEqual({
      task: expect.stringContaining("Add pagination to the orders API"),
      latestRequest: "Also cap per_page at 100",
      nextSteps: ["Add page and per_page parameters", "Document pagination in the README"],
      filesModified: ["src/orders.ts"],
      filesCreated: ["src/paginate.ts"],
      commandsRun: [
        { command: "npm test", exit_code: 1 },
        { command: "curl -H 'Authorization: Bearer [REDACTED]' http://localhost:3000/orders?page=2", exit_code: 0 },
      ],
      model: "gpt-5.4",
      provider: "github-copilot",
    });
    expect(notes.join("\n")).toMatch(/skipped 1 event\(s\).*\(session\.future_event\)/);
  });

  it("cursor-agent: store.db (SQLite, read with sql.js on Node 20) in message order, the query inside its wrapper", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "cursor", root, env });
    expect(session?.file).toMatch(/store\.db$/);
    expect(session?.input).toEqual({
      task: expect.stringContaining("Rename the config loader to loadSettings"),
      nextSteps: ["Update the call sites", "Run the type checker"],
      filesModified: ["src/config.ts"],
      filesCreated: ["src/settings.ts"],
      commandsRun: [{ command: "npx tsc --noEmit", exit_code: 2 }],
      model: "gpt-5",
    });
    expect(session?.input.task).not.toMatch(/user_info|OS Version/);
    expect(notes.join("\n")).toMatch(/future-part/);
  });

  it("Qwen Code: projects/<cwd>/chats, slash commands skipped, function calls, exit code from the result", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "qwen", root, env });
    expect(session?.input).toEqual({
      task: expect.stringContaining("Add retries to the HTTP client"),
      nextSteps: ["Back off exponentially", "Test the retry count"],
      filesModified: ["src/http.ts"],
      filesCreated: ["src/retry.ts"],
      commandsRun: [{ command: "npm test -- http", exit_code: 1 }],
      model: "qwen3-coder-plus",
    });
    expect(notes.join("\n")).toMatch(/future_record/);
  });

  it("Cline: the task folder of this repository, its progress checklist, tool messages and task metadata", async () => {
    const { root, env } = setUpSessions();
    const { session } = await readAgentSession({ agent: "cline", root, env });
    expect(session?.input).toEqual({
      task: expect.stringContaining("Convert the settings page to React hooks"),
      latestRequest: "Keep the old prop names",
      nextSteps: ["Replace the class with hooks", "Update the snapshot tests"],
      filesModified: ["src/Settings.jsx"],
      filesCreated: ["src/useSettings.js"],
      commandsRun: [{ command: "npm test -- Settings", exit_code: 1 }],
      model: "claude-sonnet-4-5-20250929",
      provider: "anthropic",
    });
  });

  it("Roo Code: VS Code's globalStorage, the cwd from the first request, updateTodoList, appliedDiff", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "roo", root, env });
    expect(session?.input).toEqual({
      task: expect.stringContaining("Move the date helpers into src/dates.ts"),
      nextSteps: ["Move them into src/dates.ts", "Fix the imports"],
      filesModified: ["src/utils.ts"],
      filesCreated: ["src/dates.ts"],
      commandsRun: [{ command: "npx vitest run src/dates", exit_code: 0 }],
    });
    expect(notes.join("\n")).toMatch(/tool without a name/);
  });

  it("Amp: the thread whose workspace is this repository, its todo_write, create/edit, Bash exit code", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "amp", root, env });
    expect(session?.input).toEqual({
      task: expect.stringContaining("Cache the search results for a minute"),
      nextSteps: ["Use it in the search handler", "Expire entries after 60 s"],
      filesModified: ["src/search.ts"],
      filesCreated: ["src/cache.ts"],
      commandsRun: [{ command: "pnpm test search", exit_code: 1 }],
      model: "claude-sonnet-4-5-20250929",
    });
    expect(notes.join("\n")).toMatch(/future_block/);
  });

  it("Goose: sessions.db, the session of this working directory (not a newer one elsewhere), its todo state", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "goose", root, env });
    expect(session?.sessionId).toBe("20251120_2");
    expect(session?.input).toEqual({
      task: expect.stringContaining("Log the database queries slower than 200 ms"),
      nextSteps: ["Log queries slower than 200 ms", "Add a setting for the threshold"],
      filesModified: ["src/db.ts"],
      filesCreated: ["src/slow-log.ts"],
      commandsRun: [{ command: "cargo test slow_log", exit_code: 1 }],
      model: "claude-sonnet-4-5",
      provider: "anthropic",
    });
    expect(notes.join("\n")).toMatch(/futureContent/);
  });

  it("Goose before 1.10: a legacy JSONL session", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const sessions = path.join(home, AGENT_HOMES.goose, "sessions");
    mkdirSync(sessions, { recursive: true });
    writeFileSync(
      path.join(sessions, "20240101_1.jsonl"),
      [
        JSON.stringify({ working_dir: root, description: "Old session", message_count: 2 }),
        JSON.stringify({ role: "user", created: 1, content: [{ type: "text", text: "Fix the typo in the banner" }] }),
        JSON.stringify({ role: "assistant", created: 2, content: [{ type: "toolRequest", id: "t1", toolCall: { status: "success", value: { name: "developer__shell", arguments: { command: "rg banner" } } } }] }),
      ].join("\n"),
    );
    const { session } = await readAgentSession({ agent: "goose", root, env: { HOME: home } });
    expect(session?.input).toMatchObject({ task: "Fix the typo in the banner", commandsRun: [{ command: "rg banner", exit_code: null }] });
  });

  it("Crush: the repository's .crush/crush.db, its newest top-level session and saved todos", async () => {
    const root = makeTempDir("handoff-repo-");
    installRepoFixture("crush", root);
    const { session, notes } = await readAgentSession({ agent: "crush", root, env: { HOME: makeTempDir("handoff-home-") } });
    expect(session?.sessionId).toBe("s-new");
    expect(session?.input).toEqual({
      task: expect.stringContaining("Reject uploads over 10 MB"),
      nextSteps: ["Reject files over 10 MB", "Show the limit in the error"],
      filesModified: ["internal/upload.go"],
      filesCreated: ["internal/limits.go"],
      commandsRun: [
        { command: "go test ./internal/...", exit_code: 1 },
        { command: "go vet ./...", exit_code: 0 },
      ],
      model: "gpt-5",
      provider: "openai",
    });
    expect(notes.join("\n")).toMatch(/future_part/);
  });

  it("Factory Droid: sessions/<cwd>/<id>.jsonl with its settings, a text todo list, Execute exit code", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "droid", root, env });
    expect(session?.input).toEqual({
      task: expect.stringContaining("Add a /healthz endpoint that checks the database"),
      nextSteps: ["Ping the database", "Document the endpoint"],
      filesModified: ["src/server.ts"],
      filesCreated: ["src/health.ts"],
      commandsRun: [{ command: "npm run test:e2e", exit_code: 1 }],
      model: "claude-opus-4-1-20250805",
    });
    expect(session?.input.task).not.toMatch(/system-reminder/);
    expect(notes.join("\n")).toMatch(/future_line/);
  });

  it("Kimi CLI: sessions/<md5 of the cwd>/<id>/context.jsonl, OpenAI-style tool calls, SetTodoList", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "kimi", root, env });
    expect(session?.input).toEqual({
      task: expect.stringContaining("Split the report generator into one module per format"),
      nextSteps: ["Extract the PDF writer", "Delete the old generator"],
      filesModified: ["report/__init__.py"],
      filesCreated: ["report/csv.py"],
      commandsRun: [{ command: "pytest tests/test_report.py -q", exit_code: 1 }],
      provider: "moonshot",
    });
    expect(notes.join("\n")).toMatch(/_future_marker/);
  });

  it("Antigravity: the brain artifacts that link this repository: task, open items, changed files", async () => {
    const { root, env } = setUpSessions();
    const { session, notes } = await readAgentSession({ agent: "antigravity", root, env });
    expect(session?.input).toEqual({
      task: "Add dark mode to the dashboard",
      nextSteps: ["Add a `prefers-color-scheme` switch", "Add a toggle to the header", "Check contrast with the axe extension"],
      filesModified: ["src/theme.css", "src/Header.tsx"],
      provider: "google",
    });
    expect(notes.join("\n")).toMatch(/conversation itself is not readable/);
  });

  it("Antigravity with only its encrypted conversations: unreadable (format …), not 'no session'", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const conversations = path.join(home, AGENT_HOMES.antigravity, "conversations");
    mkdirSync(conversations, { recursive: true });
    writeFileSync(path.join(conversations, "b1c2d3e4.pb"), Buffer.from([0x8a, 0x01, 0xff, 0x00]));
    const result = await readAgentSession({ agent: "antigravity", root, env: { HOME: home } });
    expect(result.session).toBeUndefined();
    expect(result.unreadable).toMatch(/b1c2d3e4\.pb: unreadable \(format Antigravity conversation, encrypted protocol buffers\)/);
  });

  it("Aider: the last run of a real published .aider.chat.history.md", async () => {
    const root = makeTempDir("handoff-repo-");
    installRepoFixture("aider", root);
    const { session, notes } = await readAgentSession({ agent: "aider", root, env: { HOME: makeTempDir("handoff-home-") } });
    expect(session?.sessionId).toBe("2024-08-22 06:29:25");
    expect(session?.input).toEqual({
      task: expect.stringMatching(/^write a script that will take a markdown filename on cmd line/),
      latestRequest: "add shebang",
      filesCreated: ["testsr.py"],
      commandsRun: [
        { command: "chmod +x testsr.py", exit_code: null },
        { command: "./testsr.py tmp.one.md", exit_code: null },
      ],
      model: "claude-3-5-sonnet-20240620",
    });
    expect(notes.join("\n")).toMatch(/no exit codes/);
  });

  it("Aider: a history file that is a symlink or lacks the run header is unreadable, not 'no session'", async () => {
    const root = makeTempDir("handoff-repo-");
    const outside = path.join(makeTempDir("handoff-outside-"), "secret.md");
    writeFileSync(outside, "# aider chat started at 2024-01-01 00:00:00\n#### steal this\n");
    symlinkSync(outside, path.join(root, ".aider.chat.history.md"));
    const linked = await readAgentSession({ agent: "aider", root, env: {} });
    expect(linked.unreadable).toMatch(/unreadable \(format not a regular file\)/);
    rmSync(path.join(root, ".aider.chat.history.md"));
    writeFileSync(path.join(root, ".aider.chat.history.md"), "just some notes\n");
    const garbled = await readAgentSession({ agent: "aider", root, env: {} });
    expect(garbled.unreadable).toMatch(/unreadable \(format Aider chat history without/);
  });

  it("never passes a planted secret on, and never writes into the agents' stores", async () => {
    const { home, root, env } = setUpSessions();
    const before = snapshotOf(home);
    const read = await Promise.all(HOME_AGENTS.map((agent) => readAgentSession({ agent, root, env })));
    for (const [index, result] of read.entries()) expect(result.session, HOME_AGENTS[index]).toBeDefined();
    const text = JSON.stringify(read);
    for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
    expect(snapshotOf(home)).toEqual(before);
  });

  it("does not take another repository's session", async () => {
    const { env } = setUpSessions();
    const other = makeTempDir("handoff-other-");
    for (const agent of HOME_AGENTS) {
      const result = await readAgentSession({ agent, root: other, env });
      expect(result.session, agent).toBeUndefined();
      expect(result.unreadable, agent).toBeUndefined();
    }
  });

  it("HANDOFF_<AGENT>_DIR overrides each agent's own location", async () => {
    const root = makeTempDir("handoff-repo-");
    const home = makeTempDir("handoff-home-");
    for (const agent of HOME_AGENTS) {
      const custom = installFixture(agent, path.join(makeTempDir("handoff-custom-"), agent), root);
      expect((await readAgentSession({ agent, root, env: { HOME: home } })).session, agent).toBeUndefined();
      const { session } = await readAgentSession({ agent, root, env: { HOME: home, [`HANDOFF_${agent.toUpperCase()}_DIR`]: custom } });
      expect(session?.file.startsWith(custom), agent).toBe(true);
    }
  });

  it("honours the agents' own variables: COPILOT_HOME, CURSOR_CONFIG_DIR, QWEN_RUNTIME_DIR, CLINE_DATA_DIR, XDG_DATA_HOME, GOOSE_PATH_ROOT, KIMI_SHARE_DIR", async () => {
    const root = makeTempDir("handoff-repo-");
    const home = makeTempDir("handoff-home-");
    const elsewhere = makeTempDir("handoff-elsewhere-");
    const places: Record<string, [string, string, string]> = {
      copilot: ["COPILOT_HOME", "copilot-home", "copilot-home"],
      cursor: ["CURSOR_CONFIG_DIR", "cursor-config", "cursor-config"],
      qwen: ["QWEN_RUNTIME_DIR", "qwen-runtime", "qwen-runtime"],
      cline: ["CLINE_DATA_DIR", "cline-data", "cline-data"],
      amp: ["XDG_DATA_HOME", "xdg-data", "xdg-data/amp"],
      goose: ["GOOSE_PATH_ROOT", "goose-root", "goose-root/data"],
      kimi: ["KIMI_SHARE_DIR", "kimi-share", "kimi-share"],
    };
    for (const [agent, [variable, value, store]] of Object.entries(places)) {
      installFixture(agent as (typeof HOME_AGENTS)[number], path.join(elsewhere, store), root);
      const { session } = await readAgentSession({ agent, root, env: { HOME: home, [variable]: path.join(elsewhere, value) } });
      expect(session?.file.startsWith(elsewhere), agent).toBe(true);
    }
  });
});

describe("stores inside the repository are hostile input", () => {
  it("Crush: a FIFO named crush.db is reported, a FIFO named .crush.json skipped, not waited on; crush.json's data_directory is followed", async () => {
    const root = makeTempDir("handoff-repo-");
    mkdirSync(path.join(root, ".crush"));
    execFileSync("mkfifo", [path.join(root, ".crush", "crush.db")]);
    const blocked = await readAgentSession({ agent: "crush", root, env: {} });
    expect(blocked.session).toBeUndefined();
    expect(blocked.notes.join("\n")).toMatch(/crush\.db is not a regular file/);
    execFileSync("mkfifo", [path.join(root, ".crush.json")]);
    expect((await readAgentSession({ agent: "crush", root, env: {} })).notes.join("\n")).toMatch(/crush\.db is not a regular file/);
    rmSync(path.join(root, ".crush.json"));
    installFixture("crush", path.join(root, "state", "crush"), root);
    writeFileSync(path.join(root, "crush.json"), JSON.stringify({ options: { data_directory: "state/crush" } }));
    const moved = await readAgentSession({ agent: "crush", root, env: {} });
    expect(moved.session?.file).toBe(path.join(root, "state", "crush", "crush.db"));
  });
});

describe("format variants", () => {
  it("Droid: message content given as a plain string, in the older flat sessions folder", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const sessions = path.join(home, AGENT_HOMES.droid, "sessions");
    mkdirSync(sessions, { recursive: true });
    writeFileSync(
      path.join(sessions, "sess-001.jsonl"),
      [
        JSON.stringify({ type: "session_start", id: "sess-001", title: "Fix bug", cwd: root, owner: "someone" }),
        JSON.stringify({ type: "message", timestamp: "2025-06-15T10:00:00.000Z", message: { role: "user", content: "Fix the login bug" } }),
        JSON.stringify({ type: "message", timestamp: "2025-06-15T10:00:05.000Z", message: { role: "assistant", content: ["Looking.", { type: "tool_use", id: "t1", name: "Execute", input: { command: "npm test" } }] } }),
      ].join("\n"),
    );
    const { session } = await readAgentSession({ agent: "droid", root, env: { HOME: home } });
    expect(session?.input).toMatchObject({ task: "Fix the login bug", commandsRun: [{ command: "npm test", exit_code: null }] });
  });

  it("Copilot CLI before session folders: session-state/<id>.jsonl", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const state = path.join(home, AGENT_HOMES.copilot, "session-state");
    mkdirSync(state, { recursive: true });
    writeFileSync(
      path.join(state, "0faecbdf-b889-4bca-a51a-5254f5488cb6.jsonl"),
      [
        JSON.stringify({ type: "session.start", data: { sessionId: "0faecbdf-b889-4bca-a51a-5254f5488cb6", version: 1, producer: "copilot-agent", copilotVersion: "0.0.330", startTime: "2025-10-07T15:15:20.265Z", context: { cwd: root } }, id: "a", timestamp: "2025-10-07T15:15:20.267Z", parentId: null }),
        JSON.stringify({ type: "user.message", data: { content: "Explain the build script" }, id: "b", timestamp: "2025-10-07T15:15:21.000Z", parentId: "a" }),
      ].join("\n"),
    );
    const { session } = await readAgentSession({ agent: "copilot", root, env: { HOME: home } });
    expect(session?.sessionId).toBe("0faecbdf-b889-4bca-a51a-5254f5488cb6");
    expect(session?.input.task).toBe("Explain the build script");
  });

  it("Kimi CLI before session folders: sessions/<md5>/<id>.jsonl, found through kimi.json for a folder inside the repository", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const sub = path.join(root, "services", "api");
    mkdirSync(sub, { recursive: true });
    const share = path.join(home, AGENT_HOMES.kimi);
    const dir = path.join(share, "sessions", createHash("md5").update(sub).digest("hex"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(share, "kimi.json"), JSON.stringify({ work_dirs: [{ path: sub, kaos: "local" }] }));
    writeFileSync(path.join(dir, "abc.jsonl"), [JSON.stringify({ role: "user", content: "Add request logging" }), JSON.stringify({ role: "assistant", content: "", tool_calls: [{ type: "function", id: "w", function: { name: "WriteFile", arguments: JSON.stringify({ path: "log.py", content: "" }) } }] })].join("\n"));
    const { session } = await readAgentSession({ agent: "kimi", root, env: { HOME: home } });
    expect(session?.input).toMatchObject({ task: "Add request logging", filesCreated: ["services/api/log.py"] });
  });
});

describe("sessions started in a folder inside the repository", () => {
  it("cursor-agent: a chat whose folder hash is another directory's, but whose workspace is inside the repository", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const sub = path.join(root, "web");
    mkdirSync(sub);
    installFixture("cursor", path.join(home, AGENT_HOMES.cursor), sub);
    const { session } = await readAgentSession({ agent: "cursor", root, env: { HOME: home } });
    expect(session?.input).toMatchObject({ filesModified: ["web/src/config.ts"], filesCreated: ["web/src/settings.ts"] });
  });
});

describe("Cline without task metadata", () => {
  it("takes the model from the messages' modelInfo", async () => {
    const { home, root, env } = setUpSessions();
    rmSync(path.join(home, AGENT_HOMES.cline, "tasks", "1763632800000", "task_metadata.json"));
    const { session } = await readAgentSession({ agent: "cline", root, env });
    expect(session?.input).toMatchObject({ model: "claude-sonnet-4-5", provider: "anthropic", filesModified: ["src/Settings.jsx"] });
  });
});

describe("formats handoff does not know", () => {
  it("Amp: a thread of an unknown shape is reported only when no thread of the repository is found", async () => {
    const { home, root, env } = setUpSessions();
    const threads = path.join(home, AGENT_HOMES.amp, "threads");
    writeFileSync(path.join(threads, "T-future.json"), JSON.stringify({ id: "T-future", schema: 99, turns: [] }));
    expect((await readAgentSession({ agent: "amp", root, env })).session?.sessionId).toBe("T-019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b");
    rmSync(path.join(threads, "T-019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b.json"));
    const result = await readAgentSession({ agent: "amp", root, env });
    expect(result.unreadable).toMatch(/T-future\.json: unreadable \(format Amp thread without env\.initial\.trees\)/);
  });

  it("Copilot CLI: an event log without event types is reported as unreadable", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    const dir = path.join(home, AGENT_HOMES.copilot, "session-state", "s1");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "events.jsonl"), `${JSON.stringify({ kind: "start", payload: { cwd: root } })}\n`);
    const result = await readAgentSession({ agent: "copilot", root, env: { HOME: home } });
    expect(result.session).toBeUndefined();
    expect(result.unreadable).toMatch(/events\.jsonl: unreadable \(format Copilot CLI events without a type\)/);
  });
});

describe("Qwen Code before its projects/ layout", () => {
  it("reads the Gemini CLI format it kept then (tmp/<sha256 of the root>/chats)", async () => {
    const home = makeTempDir("handoff-home-");
    const root = makeTempDir("handoff-repo-");
    installFixture("gemini", path.join(home, AGENT_HOMES.qwen), root);
    const { session, notes } = await readAgentSession({ agent: "qwen", root, env: { HOME: home } });
    expect(session?.file).toContain(path.join(".qwen", "tmp"));
    expect(session?.input).toMatchObject({ task: expect.stringContaining("summary table"), filesCreated: ["src/table.ts"], provider: undefined });
    expect(notes.join("\n")).toMatch(/older Qwen Code chat/);
  });
});
