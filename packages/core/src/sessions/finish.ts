import type { SessionFacts, UnknownKinds } from "./facts.js";
import type { SessionReading } from "./types.js";

export interface FinishOptions {
  /** Lines or records that were not JSON. */
  unreadableLines?: number;
  unknown?: UnknownKinds;
  /** What the unknown kinds are, for the note: "event(s)", "message part(s)". */
  what?: string;
  notes?: string[];
}

/** The partial state and the notes of a reading: edits outside the repository, skipped records. */
export function finishReading(facts: SessionFacts, options: FinishOptions = {}): SessionReading {
  const input = facts.toInput();
  const notes = [...facts.notes, ...(options.notes ?? [])];
  if (options.unreadableLines) notes.push(`skipped ${options.unreadableLines} line(s) that are not JSON`);
  const skipped = options.unknown?.note(options.what ?? "record(s)");
  if (skipped) notes.push(skipped);
  return { input, notes };
}
