import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readAgentSession } from "@handoff/core";
import { cleanupTempDirs, createRepo, makeTempDir } from "@handoff/test-utils";
import { findRollout } from "../../src/sessions/codex-rollouts.js";
import { checkFilesAgainstGit } from "../../src/sessions/git-cross-check.js";

afterAll(cleanupTempDirs);

/** Transcripts of the shapes seen on real sessions; where each comes from is in transcripts/README.md. */
const TRANSCRIPTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "transcripts");

function fixture(name: string, root: string): string {
  return readFileSync(path.join(TRANSCRIPTS, name), "utf8")
    .replaceAll("{{ROOT_SHA256}}", createHash("sha256").update(root).digest("hex"))
    .replaceAll("{{ROOT}}", root);
}

function put(file: string, text: string, mtime?: Date): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (mtime) utimesSync(file, mtime, mtime);
  return file;
}

function place(root: string = makeTempDir("handoff-repo-")) {
  const home = makeTempDir("handoff-home-");
  const env = { HOME: home } as NodeJS.ProcessEnv;
  return {
    home,
    root,
    env,
    claude: (name: string) => put(path.join(home, ".claude", "projects", root.replace(/[^a-zA-Z0-9]/g, "-"), "22222222-3333-4444-8555-666666666666.jsonl"), fixture(name, root)),
    codex: (name: string, folder = "sessions/2025/11/17", mtime?: Date) =>
      put(path.join(home, ".codex", folder, name.startsWith("rollout-") ? path.basename(name) : `rollout-${path.basename(name)}`), fixture(name, root), mtime),
    gemini: (name: string) =>
      put(path.join(home, ".gemini", "tmp", createHash("sha256").update(root).digest("hex"), "chats", "session-2026-11-21T10-00-efef0000.jsonl"), fixture(name, root)),
  };
}

describe("Codex CLI rollouts of every generation", () => {
  it("0.58 (real session): patches run through the shell give the edited file, and stay out of the command list", async () => {
    const at = place();
    at.codex("codex/rollout-0.58-shell-apply-patch.jsonl");
    const { session, notes } = await readAgentSession({ agent: "codex", root: at.root, env: at.env });
    expect(notes).toEqual([]);
    expect(session?.input).toEqual({
      task: expect.stringMatching(/^finish up the users work by rigging up the chatbot-ui to use lmstudio/),
      nextSteps: [
        "Implement necessary code updates so handleLocalChat issues OpenAI-compatible LM Studio requests (proper payloads, headers, streaming handling) and adjust response parsing accordingly.",
        "Run targeted checks (lint/tests if reasonable) or code review to ensure new LM Studio logic is coherent, then summarize changes.",
      ],
      filesModified: ["components/chat/chat-helpers/index.ts"],
      commandsRun: [
        { command: "ls", exit_code: 0 },
        { command: 'rg -n "OLLAMA" -n', exit_code: 1 },
      ],
      model: "gpt-5.1-codex",
      provider: "openai",
    });
  });

  it("before session_meta: found by its <environment_context>, greeting skipped, a file created then deleted is not listed", async () => {
    const at = place();
    at.codex("codex/rollout-legacy-before-session-meta.jsonl");
    const { session, notes } = await readAgentSession({ agent: "codex", root: at.root, env: at.env });
    expect(notes).toEqual([]);
    expect(session?.sessionId).toBe("5973b6c0-94b8-487b-a530-2aeb6098ae0e");
    expect(session?.input).toEqual({
      task: "Rename the config loader to loadSettings and update its callers",
      filesModified: ["src/config.ts"],
      commandsRun: [{ command: "npm run typecheck", exit_code: 2 }],
      provider: "openai",
    });
  });

  it("custom_tool_call shells (input), code-mode exec, structured outputs and the IDE's request wrapper", async () => {
    const at = place();
    at.codex("codex/rollout-custom-tool-shells.jsonl");
    const { session } = await readAgentSession({ agent: "codex", root: at.root, env: at.env });
    expect(session?.input).toEqual({
      task: "Retry failed uploads three times with backoff",
      latestRequest: "Make the retry count configurable",
      filesModified: ["src/api.ts"],
      filesCreated: ["src/retry.ts"],
      commandsRun: [
        { command: "rg -n upload src", exit_code: 0 },
        { command: "npm test -- upload", exit_code: 1 },
        { command: "npm test", exit_code: 0 },
      ],
      model: "gpt-5.3-codex",
      provider: "openai",
    });
  });

  it("a search that runs out of time says how far back it got and how many rollouts it left", () => {
    const at = place();
    for (let day = 1; day <= 3; day++) {
      const meta = { timestamp: "2026-01-01T00:00:00Z", type: "session_meta", payload: { id: `other-${day}`, cwd: "/elsewhere" } };
      put(path.join(at.home, ".codex", "sessions", "2026", "01", `0${day}`, `rollout-2026-01-0${day}.jsonl`), `${JSON.stringify(meta)}\n`, new Date(`2026-01-0${day}T12:00:00Z`));
    }
    let clock = 0;
    const slowClock = () => (clock += 3000); // every look at the clock finds 3 s gone
    const { session, notes } = findRollout(path.join(at.home, ".codex"), at.root, slowClock);
    expect(session).toBeUndefined();
    expect(notes[0]).toMatch(/no Codex CLI session for this repository among the 1 newest rollouts in .* \(back to 2026-01-03\); 2 older rollout\(s\) were not searched/);
  });

  it("searches archived_sessions/ too", async () => {
    const at = place();
    const file = at.codex("codex/rollout-0.58-shell-apply-patch.jsonl", "archived_sessions");
    const { session } = await readAgentSession({ agent: "codex", root: at.root, env: at.env });
    expect(session?.file).toBe(file);
  });

  it("looks past the 100 newest rollouts, and says how far it searched when none is the repository's", async () => {
    const at = place();
    const old = new Date("2025-11-17T12:00:00Z");
    const target = at.codex("codex/rollout-0.58-shell-apply-patch.jsonl", "sessions/2025/11/17", old);
    const elsewhere = makeTempDir("handoff-elsewhere-");
    for (let i = 0; i < 150; i++) {
      const meta = { timestamp: "2026-01-01T00:00:00Z", type: "session_meta", payload: { id: `other-${i}`, cwd: elsewhere } };
      put(path.join(at.home, ".codex", "sessions", "2026", "01", "01", `rollout-2026-01-01T00-00-${String(i).padStart(3, "0")}.jsonl`), `${JSON.stringify(meta)}\n`);
    }
    put(path.join(at.home, ".codex", "sessions", "2026", "01", "02", "rollout-2026-01-02T00-00-00-garbled.jsonl"), "<html>not a rollout</html>\n");
    expect((await readAgentSession({ agent: "codex", root: at.root, env: at.env })).session?.file).toBe(target);

    const { session, notes } = await readAgentSession({ agent: "codex", root: makeTempDir("handoff-nowhere-"), env: at.env });
    expect(session).toBeUndefined();
    expect(notes.join("\n")).toMatch(/no Codex CLI session for this repository in .*sessions or .*archived_sessions \(152 rollout\(s\) searched\)/);
    expect(notes.join("\n")).toMatch(/1 rollout\(s\) unreadable \(format not known\)/);
  });
});

describe("Claude Code 2.1 and later", () => {
  it("2.1.15 (real session): the first request is the task; notifications, slash commands and their output are not requests", async () => {
    const at = place();
    at.claude("claude/session-share-2.1.15.jsonl");
    const { session, notes } = await readAgentSession({ agent: "claude", root: at.root, env: at.env });
    expect(notes).toEqual([]);
    expect(session?.input).toEqual({
      task: expect.stringMatching(/^Spaw sub-agents to write poems about Thai green curry.*\n\nrun the agents in the background, and while we wait for them to complete write your own poem about sushi$/s),
      latestRequest: "are they still being written?",
      commandsRun: [
        { command: "python3 /home/user/.claude/plugins/cache/session-share-marketplace/session-share/0.1.7/commands/publish/scripts/publish_session.py 0ccf1a04-1b4c-43b6-8aa5-79e41db43a68", exit_code: 0 },
      ],
      model: "claude-opus-4-5-20251101",
      provider: "anthropic",
    });
  });

  it("reads the open tasks from TaskCreate / TaskUpdate when the tasks folder is gone; the task skips 'hi' and the IDE wrapper", async () => {
    const at = place();
    at.claude("claude/task-tools-2.1.jsonl");
    const { session } = await readAgentSession({ agent: "claude", root: at.root, env: at.env });
    expect(session?.input).toEqual({
      task: "Add request logging to the server:\n- log method, path and status\n- skip /health",
      latestRequest: "Now make the log format configurable with LOG_FORMAT=json",
      nextSteps: ["Skip the /health route"],
      filesModified: ["src/server.ts"],
      filesCreated: ["src/logging.ts", "bench.tmp.ts"],
      commandsRun: [
        { command: "rm bench.tmp.ts", exit_code: 0 },
        { command: "npm test", exit_code: 1 },
      ],
      model: "claude-opus-4-5-20251101",
      provider: "anthropic",
    });
  });
});

describe("Gemini CLI", () => {
  it("takes what the user typed (displayContent), not the expansion of /init or of an @file", async () => {
    const at = place();
    at.gemini("gemini/session-display-content.jsonl");
    const { session } = await readAgentSession({ agent: "gemini", root: at.root, env: at.env });
    expect(session?.input).toEqual({
      task: "Fix the off-by-one in the pager @src/pager.ts",
      latestRequest: "Also add a test for an empty page",
      filesModified: ["src/pager.ts"],
      filesCreated: ["GEMINI.md"],
      model: "gemini-3-pro-preview",
      provider: "google",
    });
  });
});

describe("the agent's files, checked against git", () => {
  it("drops what was deleted later or already committed, and handoff's own .gitignore lines", async () => {
    const repo = createRepo();
    repo.commit("the session committed the middleware", { "src/server.ts": "app.listen()\n", "src/logging.ts": "export function logging() {}\n" });
    repo.write({
      "src/server.ts": "app.use(logging());\napp.listen()\n",
      ".gitignore": "# handoff: agent session state files (local to each checkout)\n.claude/.session-state.json*\n",
    });
    const at = place(repo.root);
    at.claude("claude/task-tools-2.1.jsonl");
    const { session, notes } = await readAgentSession({ agent: "claude", root: repo.root, env: at.env });
    expect(session?.input.filesModified).toEqual(["src/server.ts"]);
    expect(session?.input.filesCreated).toEqual([]);
    expect(notes).toContain("1 file the session edited no longer exists (deleted later): not listed");
    expect(notes).toContain("1 file the session edited has no uncommitted change (committed, reverted or git-ignored): not listed as work in progress");
  });

  it("a file git does not track is created, whatever the transcript said", async () => {
    const repo = createRepo();
    repo.write({ "src/api.ts": "new\n", "src/retry.ts": "new\n" });
    const at = place(repo.root);
    at.codex("codex/rollout-custom-tool-shells.jsonl");
    const { session } = await readAgentSession({ agent: "codex", root: repo.root, env: at.env });
    expect(session?.input.filesModified).toEqual([]);
    expect(session?.input.filesCreated).toEqual(["src/api.ts", "src/retry.ts"]);
  });

  it("when the session names no file, git's changes stand, without a .gitignore only handoff changed", async () => {
    const repo = createRepo();
    repo.commit("base", { "a.ts": "1\n", ".gitignore": "node_modules\n" });
    repo.write({ "a.ts": "2\n", ".gitignore": "node_modules\n\n# handoff: agent session state files (local to each checkout)\n.codex/.session-state.json*\n" });
    expect((await checkFilesAgainstGit(repo.root, { task: "t" })).input).toEqual({ task: "t", filesModified: ["a.ts"], filesCreated: [] });
    repo.write({ ".gitignore": "dist\n" });
    expect((await checkFilesAgainstGit(repo.root, { task: "t" })).input).toEqual({ task: "t" });
  });
});
