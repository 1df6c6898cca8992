import { agentLabel, displaySafe, mergeSessionInput, readAgentSession, type SaveInput } from "@handoff/core/internal";
import type { Output } from "../output.js";
import { redacted } from "../messages/common.js";
import {
  noSessionFound,
  NOTHING_USABLE,
  READ_TASK,
  readCommands,
  readFiles,
  readModel,
  readNextSteps,
  sessionRead,
  sessionSecrets,
  sessionUnreadable,
} from "../messages/save.js";

function whatWasRead(input: SaveInput): string {
  const parts: string[] = [];
  if (input.task) parts.push(READ_TASK);
  if (input.nextSteps?.length) parts.push(readNextSteps(input.nextSteps.length));
  const files = (input.filesModified?.length ?? 0) + (input.filesCreated?.length ?? 0);
  if (files) parts.push(readFiles(files));
  if (input.commandsRun?.length) parts.push(readCommands(input.commandsRun.length));
  if (input.model) parts.push(readModel(input.model));
  return parts.length ? parts.join(", ") : NOTHING_USABLE;
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
    if (unreadable) out.note(sessionUnreadable(label, displaySafe(unreadable)));
    else if (options.reportMissing) {
      out.note(noSessionFound(label));
      for (const note of notes) out.note(`   ${displaySafe(note)}`);
    }
    return options.given;
  }
  out.note(sessionRead(label, displaySafe(session.file), displaySafe(whatWasRead(session.input))));
  for (const note of notes) out.note(`   ${displaySafe(note)}`);
  if (session.redactions > 0) out.note(redacted(session.redactions, sessionSecrets(label)));
  return mergeSessionInput(session.input, options.given);
}
