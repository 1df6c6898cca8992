import { agentLabel, displaySafe, mergeSessionInput, readAgentSession, type SaveInput } from "@handoff/core/internal";
import type { Output } from "../output.js";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function whatWasRead(input: SaveInput): string {
  const parts: string[] = [];
  if (input.task) parts.push("the task");
  if (input.nextSteps?.length) parts.push(plural(input.nextSteps.length, "next step"));
  const files = (input.filesModified?.length ?? 0) + (input.filesCreated?.length ?? 0);
  if (files) parts.push(plural(files, "file"));
  if (input.commandsRun?.length) parts.push(plural(input.commandsRun.length, "command"));
  if (input.model) parts.push(`the model ${input.model}`);
  return parts.length ? parts.join(", ") : "nothing usable";
}

export interface SessionInputOptions {
  agent: string;
  root: string;
  given: SaveInput;
  /** Say so when no session is found (save --from-session asked for one; switch only tries). */
  reportMissing: boolean;
}

/**
 * The agent's latest session for the repository merged under what the user gave (the user wins),
 * with notes on stderr: what was read, what was skipped, how many secrets were redacted.
 */
export async function inputWithSession(out: Output, options: SessionInputOptions): Promise<SaveInput> {
  const { session, notes, unreadable } = await readAgentSession({ agent: options.agent, root: options.root });
  const label = displaySafe(agentLabel(options.agent));
  if (!session) {
    if (unreadable) out.note(`⚠️  The ${label} session is unreadable, saving without it: ${displaySafe(unreadable)}`);
    else if (options.reportMissing) {
      out.note(`⚠️  No ${label} session found for this repository; saving without one`);
      for (const note of notes) out.note(`   ${displaySafe(note)}`);
    }
    return options.given;
  }
  out.note(`📖 Read the ${label} session ${displaySafe(session.file)}: ${displaySafe(whatWasRead(session.input))}`);
  for (const note of notes) out.note(`   ${displaySafe(note)}`);
  if (session.redactions > 0) out.note(`🔒 Redacted ${plural(session.redactions, "secret")} from the ${label} session`);
  return mergeSessionInput(session.input, options.given);
}
