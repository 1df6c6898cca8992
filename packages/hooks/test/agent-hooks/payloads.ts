/**
 * Hook payloads as each agent sends them, built from the shapes its own documentation and source
 * publish (no agent publishes recorded payloads). `{{ROOT}}` is the repository, `{{TRANSCRIPT}}`
 * the session file the agent would name.
 */

/**
 * Claude Code, common input fields plus each event's own: https://code.claude.com/docs/en/hooks
 * ("Hook input": session_id, transcript_path, cwd, permission_mode, hook_event_name; Stop adds
 * stop_hook_active; PreCompact trigger and custom_instructions; SessionStart source and model;
 * StopFailure error_type, error, error_message, per anthropics/claude-code CHANGELOG.md
 * @5cfc0a1905ce0c0a9bd81d8a90fe6b62ff614357, "Added `StopFailure` hook event").
 */
export const CLAUDE = {
  stop: {
    session_id: "11111111-2222-4333-8444-555555555555",
    transcript_path: "{{TRANSCRIPT}}",
    cwd: "{{ROOT}}",
    permission_mode: "default",
    hook_event_name: "Stop",
    stop_hook_active: false,
  },
  preCompact: {
    session_id: "11111111-2222-4333-8444-555555555555",
    transcript_path: "{{TRANSCRIPT}}",
    cwd: "{{ROOT}}",
    permission_mode: "default",
    hook_event_name: "PreCompact",
    trigger: "auto",
    custom_instructions: "",
  },
  stopFailure: {
    session_id: "11111111-2222-4333-8444-555555555555",
    transcript_path: "{{TRANSCRIPT}}",
    cwd: "{{ROOT}}",
    permission_mode: "default",
    hook_event_name: "StopFailure",
    error_type: "rate_limit",
    error: "429",
    error_message: "Rate limit exceeded: 100 requests per minute",
  },
  sessionStart: {
    session_id: "22222222-3333-4444-8555-666666666666",
    transcript_path: "{{TRANSCRIPT}}",
    cwd: "{{ROOT}}",
    hook_event_name: "SessionStart",
    source: "startup",
    model: "claude-sonnet-4-5-20250929",
  },
};

/**
 * Codex CLI: openai/codex codex-rs/hooks/schema/generated/stop.command.input.schema.json
 * @bde5e187f2f45b3e473c213c12cd4f4c5f3bcc47 (every field required) and the SessionStart input
 * schema of the same folder (session_id, transcript_path, cwd, hook_event_name, model,
 * permission_mode, source).
 */
export const CODEX = {
  stop: {
    session_id: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000",
    turn_id: "turn-2",
    transcript_path: "{{TRANSCRIPT}}",
    cwd: "{{ROOT}}",
    hook_event_name: "Stop",
    model: "gpt-5-codex",
    permission_mode: "default",
    stop_hook_active: false,
    last_assistant_message: "Done.",
  },
  sessionStart: {
    session_id: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0001",
    transcript_path: null,
    cwd: "{{ROOT}}",
    hook_event_name: "SessionStart",
    model: "gpt-5-codex",
    permission_mode: "default",
    source: "startup",
  },
};

/**
 * Gemini CLI: google-gemini/gemini-cli docs/hooks/reference.md @5411f113cafae26161b4969b0237b8e1e024e2c2
 * ("Base input schema": session_id, transcript_path, cwd, hook_event_name, timestamp; AfterAgent
 * adds prompt, prompt_response, stop_hook_active; SessionStart adds source).
 */
export const GEMINI = {
  afterAgent: {
    session_id: "gemini-session-1",
    transcript_path: "{{TRANSCRIPT}}",
    cwd: "{{ROOT}}",
    hook_event_name: "AfterAgent",
    timestamp: "2026-11-20T10:05:00.000Z",
    prompt: "Add a health check endpoint",
    prompt_response: "Added GET /health.",
    stop_hook_active: false,
  },
  sessionStart: {
    session_id: "gemini-session-2",
    transcript_path: "{{TRANSCRIPT}}",
    cwd: "{{ROOT}}",
    hook_event_name: "SessionStart",
    timestamp: "2026-11-20T11:00:00.000Z",
    source: "startup",
  },
};

/**
 * Cursor: https://cursor.com/docs/agent/hooks (common fields conversation_id, generation_id, model,
 * hook_event_name, cursor_version, workspace_roots, user_email, transcript_path; stop adds status and
 * loop_count; sessionStart adds session_id, is_background_agent, composer_mode).
 */
export const CURSOR = {
  stop: {
    conversation_id: "c0ffee00-0000-4000-8000-000000000001",
    generation_id: "gen-1",
    model: "claude-4-sonnet",
    hook_event_name: "stop",
    cursor_version: "2.1.0",
    workspace_roots: ["{{ROOT}}"],
    user_email: null,
    transcript_path: null,
    status: "completed",
    loop_count: 0,
  },
  sessionStart: {
    conversation_id: "c0ffee00-0000-4000-8000-000000000002",
    generation_id: "gen-2",
    model: "claude-4-sonnet",
    hook_event_name: "sessionStart",
    cursor_version: "2.1.0",
    workspace_roots: ["{{ROOT}}"],
    user_email: null,
    transcript_path: null,
    session_id: "c0ffee00-0000-4000-8000-000000000002",
    is_background_agent: false,
    composer_mode: "agent",
  },
};

/**
 * GitHub Copilot CLI, camelCase format: github/docs content/copilot/reference/hooks-reference.md
 * @05da5bc3c1401734f1197ba6a620e2ed4f1b30e1 ("agentStop / Stop": sessionId, timestamp, cwd,
 * transcriptPath, stopReason, stop_hook_active; "sessionStart": sessionId, timestamp, cwd, source,
 * initialPrompt). Older versions send agentStop without transcriptPath.
 */
export const COPILOT = {
  agentStop: {
    sessionId: "copilot-session-1",
    timestamp: 1763632000000,
    cwd: "{{ROOT}}",
    stopReason: "end_turn",
    stop_hook_active: false,
  },
  sessionStart: {
    sessionId: "copilot-session-2",
    timestamp: 1763635600000,
    cwd: "{{ROOT}}",
    source: "new",
    initialPrompt: "continue",
  },
  /**
   * What Copilot CLI sends to the hooks of `.claude/settings.json`, which it also reads: the
   * VS Code compatible format of the same page (snake_case, ISO timestamp).
   */
  claudeStyleStop: {
    hook_event_name: "Stop",
    session_id: "copilot-session-1",
    timestamp: "2026-11-20T10:10:00.000Z",
    cwd: "{{ROOT}}",
    transcript_path: "/home/someone/.copilot/session-state/copilot-session-1/events.jsonl",
    stop_reason: "end_turn",
    stop_hook_active: false,
  },
};

/** Fills the placeholders of a payload. */
export function payload(template: object, values: { root: string; transcript?: string }): string {
  return JSON.stringify(template)
    .replaceAll("{{ROOT}}", values.root.replaceAll("\\", "\\\\"))
    .replaceAll('"{{TRANSCRIPT}}"', values.transcript ? JSON.stringify(values.transcript) : "null");
}
