/**
 * Which of the messages a user sent are requests worth handing over. Agents record more than what
 * was typed: editor context, reminders, slash-command echoes; and users open with "hi".
 */

/** Wrappers agents put around or beside what the user typed, dropped with their content. */
const WRAPPERS = [
  "system-reminder", // Claude Code reminders
  "ide_opened_file", // Claude Code in an IDE: the file in view
  "ide_selection",
  "ide_diagnostics",
  "environment_context", // Codex CLI
  "user_instructions",
  "user_shell_command",
  "turn_aborted",
];
const WRAPPER = new RegExp(`<(${WRAPPERS.join("|")})(?:\\s[^>]*)?>[\\s\\S]*?</\\1>`, "g");

/**
 * The Codex IDE extension and desktop app send "# Context from my IDE setup:" (open tabs, the
 * active file) or "# Files mentioned by the user:", then "## My request for Codex:" and what the
 * user typed (the shape of the `user_message` events in published rollouts).
 */
const IDE_CONTEXT = /^#\s*(Context from my IDE setup|Files mentioned by the user):/;
const IDE_REQUEST = /^##\s*My request for Codex:\s*$/m;

/** Messages that are never a request: command echoes, caveats, interruptions, agent instructions. */
const NOT_TYPED = /^(<command-(name|message|args)>|<local-command-(stdout|stderr)>|<bash-(input|stdout|stderr)>|Caveat: |\[Request interrupted|# AGENTS\.md instructions)/;

/** A whole message that only greets, thanks, agrees or nudges: not a task. */
const SMALL_TALK =
  /^(hi|hello|hey|hiya|howdy|yo|sup|hola|bonjour|morning|good (morning|afternoon|evening|day)|thanks|thank you|thx|ty|ok|okay|k|yes|yep|yeah|no|nope|sure|cool|great|nice|perfect|lgtm|continue|go on|go ahead|proceed|keep going|next|done|test|ping)( (there|claude|codex|gemini|agent|again|please|thanks|thank you))*[\s!.?,:;)(👋🙏-]*$/iu;

/** What the user typed, without the wrappers agents add; empty when nothing typed is left. */
export function typedText(text: string): string {
  let clean = text.replace(/\r\n?/g, "\n");
  if (IDE_CONTEXT.test(clean.trimStart())) {
    const marker = IDE_REQUEST.exec(clean);
    clean = marker ? clean.slice(marker.index + marker[0].length) : "";
  }
  clean = clean.replace(WRAPPER, "").trim();
  // A message that is one markup element (`<task-notification>…</task-notification>`) came from the agent.
  if (NOT_TYPED.test(clean) || /^<([\w-]+)(\s[^>]*)?>[\s\S]*<\/\1>$/.test(clean)) return "";
  return clean;
}

/** Whether a typed message asks for work: not a slash command, not small talk. */
export function isSubstantive(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (/^\/[\w:.-]+(\s|$)/.test(trimmed) && !trimmed.includes("\n")) return false;
  return !SMALL_TALK.test(trimmed);
}
