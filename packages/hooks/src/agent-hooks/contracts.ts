import path from "node:path";
import { isRealFolder } from "../fs-checks.js";
import type { ConfigEdit } from "../project-config/edits.js";
import type { HookAgent, HookEvent } from "./events.js";
import { agentHookCommand, HOOK_MARKER } from "./hook-command.js";
import { opencodePlugin } from "./opencode-plugin.js";

/** What one agent's own hooks look like, learned from its documentation and source (cited below). */
export interface AgentHookContract {
  agent: HookAgent;
  /** The project configuration file handoff edits, relative to the repository root. */
  file(root: string): string;
  edits(root: string): ConfigEdit[];
  /** The agent's event names and what each runs (for status, docs and tests). */
  events: readonly AgentEvent[];
  /** The answer a session start prints for the agent to add `context` to the conversation. */
  sessionStartAnswer(context: string): unknown;
  /** How a person turns these hooks off without uninstalling. */
  turnOff: string;
}

/** An agent's name for an event, and the handoff event it runs. */
interface AgentEvent {
  name: string;
  event: HookEvent;
}

const SECONDS = 10;

/** Under `hooks.<name>` for each of `events`, in their order, handoff's entry `entry(event)`. */
function appendEach(events: readonly AgentEvent[], entry: (event: HookEvent) => unknown): ConfigEdit[] {
  return events.map(({ name, event }) => ({ kind: "json-append", path: ["hooks", name], value: entry(event), marker: HOOK_MARKER }));
}

/** `{ [hookEventName]: additionalContext }`, the answer Claude Code, Codex and Gemini CLI share. */
function hookSpecificOutput(context: string) {
  return { hookSpecificOutput: { hookEventName: "SessionStart", additionalContext: context } };
}

/**
 * Claude Code: `.claude/settings.json` → `hooks.<Event>[] = { matcher?, hooks: [{ type: "command",
 * command, timeout (seconds) }] }`; the payload comes on stdin (session_id, transcript_path, cwd,
 * hook_event_name; StopFailure adds error_type, its matcher's key). SessionStart answers with
 * hookSpecificOutput.additionalContext.
 * Sources: https://code.claude.com/docs/en/hooks; anthropics/claude-code CHANGELOG.md
 * @5cfc0a1905ce0c0a9bd81d8a90fe6b62ff614357 ("Added `StopFailure` hook event that fires when the
 * turn ends due to an API error (rate limit, auth failure, etc.)").
 */
const CLAUDE_EVENTS: readonly AgentEvent[] = [
  { name: "Stop", event: "stop" },
  { name: "PreCompact", event: "pre-compact" },
  { name: "StopFailure", event: "stop-failure" },
  { name: "SessionStart", event: "session-start" },
];

const claude: AgentHookContract = {
  agent: "claude",
  file: () => ".claude/settings.json",
  edits: () =>
    appendEach(CLAUDE_EVENTS, (event) => ({
      ...(event === "stop-failure" ? { matcher: "rate_limit|overloaded|billing_error" } : {}),
      hooks: [{ type: "command", command: agentHookCommand("claude", event), timeout: SECONDS }],
    })),
  events: CLAUDE_EVENTS,
  sessionStartAnswer: hookSpecificOutput,
  turnOff: 'set "disableAllHooks": true in .claude/settings.local.json, or delete handoff\'s entries',
};

/**
 * Codex CLI: `<repo>/.codex/hooks.json` with Claude Code's shape (`hooks.Stop`, `hooks.SessionStart`,
 * timeout in seconds); Stop's payload has session_id, turn_id, transcript_path (nullable), cwd;
 * SessionStart answers with hookSpecificOutput.additionalContext. Project hooks load only in a
 * trusted project, and each new or changed hook must be trusted in `/hooks` before it runs.
 * Sources: https://developers.openai.com/codex/hooks; openai/codex
 * codex-rs/hooks/schema/generated/stop.command.input.schema.json @bde5e187f2f45b3e473c213c12cd4f4c5f3bcc47,
 * session-start.command.output.schema.json @6fff509bb33fbafd45065060950f6318dc621fbe.
 */
const CODEX_EVENTS: readonly AgentEvent[] = [
  { name: "Stop", event: "stop" },
  { name: "SessionStart", event: "session-start" },
];

const codex: AgentHookContract = {
  agent: "codex",
  file: () => ".codex/hooks.json",
  edits: () => appendEach(CODEX_EVENTS, (event) => ({ hooks: [{ type: "command", command: agentHookCommand("codex", event), timeout: SECONDS }] })),
  events: CODEX_EVENTS,
  sessionStartAnswer: hookSpecificOutput,
  turnOff: "disable handoff's hooks in Codex's /hooks, or set [features] hooks = false in config.toml",
};

/**
 * Gemini CLI: `.gemini/settings.json` → `hooks.<Event>[] = { matcher?, hooks: [{ name, type: "command",
 * command, timeout (milliseconds) }] }`; stdout must be pure JSON (or empty: then stderr would be
 * read, so handoff prints nothing on either). AfterAgent fires once per turn; SessionStart answers
 * with hookSpecificOutput.additionalContext.
 * Sources: google-gemini/gemini-cli docs/hooks/reference.md and packages/core/src/hooks/hookRunner.ts
 * @5411f113cafae26161b4969b0237b8e1e024e2c2.
 */
const GEMINI_EVENTS: readonly AgentEvent[] = [
  { name: "AfterAgent", event: "stop" },
  { name: "SessionStart", event: "session-start" },
];

const gemini: AgentHookContract = {
  agent: "gemini",
  file: () => ".gemini/settings.json",
  edits: () =>
    appendEach(GEMINI_EVENTS, (event) => ({
      hooks: [{ name: event === "stop" ? "handoff-save" : "handoff-restore", type: "command", command: agentHookCommand("gemini", event), timeout: SECONDS * 1000 }],
    })),
  events: GEMINI_EVENTS,
  sessionStartAnswer: hookSpecificOutput,
  turnOff: "run /hooks disable handoff-save (and handoff-restore) in Gemini CLI",
};

/**
 * Cursor: `.cursor/hooks.json` → `{ version: 1, hooks: { stop: [{ command }], sessionStart: [{ command }] } }`;
 * the payload comes on stdin (conversation_id, workspace_roots, transcript_path, ...); sessionStart
 * answers with `additional_context`.
 * Source: https://cursor.com/docs/agent/hooks.
 */
const CURSOR_EVENTS: readonly AgentEvent[] = [
  { name: "stop", event: "stop" },
  { name: "sessionStart", event: "session-start" },
];

const cursor: AgentHookContract = {
  agent: "cursor",
  file: () => ".cursor/hooks.json",
  edits: () => [
    { kind: "json-default", path: ["version"], value: 1 },
    ...appendEach(CURSOR_EVENTS, (event) => ({ command: agentHookCommand("cursor", event) })),
  ],
  events: CURSOR_EVENTS,
  sessionStartAnswer: (context) => ({ additional_context: context }),
  turnOff: "delete handoff's entries from .cursor/hooks.json (or run handoff hooks uninstall)",
};

/**
 * GitHub Copilot CLI: `.github/hooks/*.json` → `{ version: 1, hooks: { agentStop: [{ type: "command",
 * bash, cwd, timeoutSec }], sessionStart: [...] } }`; camelCase payloads (sessionId, cwd,
 * transcriptPath on agentStop in recent versions); sessionStart may answer with additionalContext.
 * `"disableAllHooks": true` in the file turns its hooks off.
 * Source: github/docs content/copilot/reference/hooks-reference.md @05da5bc3c1401734f1197ba6a620e2ed4f1b30e1.
 */
const COPILOT_EVENTS: readonly AgentEvent[] = [
  { name: "agentStop", event: "stop" },
  { name: "sessionStart", event: "session-start" },
];

const copilot: AgentHookContract = {
  agent: "copilot",
  file: () => ".github/hooks/handoff.json",
  edits: () => [
    { kind: "json-default", path: ["version"], value: 1 },
    ...appendEach(COPILOT_EVENTS, (event) => ({ type: "command", bash: agentHookCommand("copilot", event), cwd: ".", timeoutSec: SECONDS })),
  ],
  events: COPILOT_EVENTS,
  sessionStartAnswer: (context) => ({ additionalContext: context }),
  turnOff: 'set "disableAllHooks": true in .github/hooks/handoff.json',
};

/**
 * OpenCode: JavaScript plugins in `.opencode/plugins/` (older versions: `.opencode/plugin/`; the
 * loader globs `{plugin,plugins}/*.{ts,js}`), default-exporting `{ id, server }`. handoff's plugin
 * runs the same guarded command on `session.idle` and hands the restore text over through
 * `experimental.chat.system.transform` for each new session.
 * Sources: https://opencode.ai/docs/plugins; anomalyco/opencode packages/opencode/src/config/plugin.ts;
 * @opencode-ai/plugin 1.18.33 dist/index.d.ts (Hooks).
 */
const opencode: AgentHookContract = {
  agent: "opencode",
  file: (root) =>
    isRealFolder(path.join(root, ".opencode/plugin")) && !isRealFolder(path.join(root, ".opencode/plugins"))
      ? ".opencode/plugin/handoff.js"
      : ".opencode/plugins/handoff.js",
  edits: () => [{ kind: "whole-file", content: opencodePlugin() }],
  events: [
    { name: "session.idle", event: "stop" },
    { name: "experimental.chat.system.transform (first call of a session)", event: "session-start" },
  ],
  sessionStartAnswer: (context) => ({ additionalContext: context }),
  turnOff: "delete .opencode/plugins/handoff.js (or run handoff hooks uninstall)",
};

export const AGENT_HOOK_CONTRACTS: Readonly<Record<HookAgent, AgentHookContract>> = { claude, codex, gemini, opencode, cursor, copilot };
