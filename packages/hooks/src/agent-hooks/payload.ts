/** The hook input of any agent, reduced to what handoff uses. */
export interface HookPayload {
  sessionId?: string;
  /** The session's transcript, when the agent names it. */
  transcript?: string;
  /** Why the turn failed (StopFailure): Claude Code's error_type, Codex's error. */
  errorType?: string;
  errorMessage?: string;
  raw: Record<string, unknown>;
}

/** Payloads are small; anything larger is not an agent's hook input. */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);

/**
 * Reads the fields each agent names its own way: Claude Code, Codex and Gemini CLI use snake_case
 * (session_id, transcript_path), Copilot CLI camelCase (sessionId, transcriptPath), Cursor
 * conversation_id, Codex's notify program thread-id. Bad JSON is an empty payload.
 */
export function parsePayload(input: string): HookPayload {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(input);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
  } catch {
    // not JSON: nothing to use
  }
  return {
    raw,
    sessionId: text(raw.session_id) ?? text(raw.sessionId) ?? text(raw.conversation_id) ?? text(raw["thread-id"]),
    transcript: text(raw.transcript_path) ?? text(raw.transcriptPath),
    errorType: text(raw.error_type) ?? text(raw.error),
    errorMessage: text(raw.error_message) ?? text(raw.error_details),
  };
}

/**
 * GitHub Copilot CLI also runs the hooks in `.claude/settings.json`, with its own payload, which has
 * a `timestamp` Claude Code's never has (github/docs content/copilot/reference/hooks-reference.md:
 * "Cross-tool .claude/settings.json ... files in the repository are also read"). Such a run is
 * not Claude Code's turn, and must neither save nor consume Claude's handoff.
 */
export function isForeignClaudePayload(payload: HookPayload): boolean {
  return payload.raw.timestamp !== undefined;
}
