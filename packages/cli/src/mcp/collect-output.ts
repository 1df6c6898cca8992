import type { Output } from "../output.js";

/** An Output that keeps what a command says instead of writing it: stdout belongs to the protocol. */
export interface CollectedOutput extends Output {
  lines: string[];
  notes: string[];
  /** The last value given to `json()`, as JSON would carry it. */
  value: unknown;
}

export function collectOutput(): CollectedOutput {
  const collected: CollectedOutput = {
    lines: [],
    notes: [],
    value: undefined,
    line: (text = "") => void collected.lines.push(text),
    note: (text) => void collected.notes.push(text),
    json: (value) => {
      collected.value = JSON.parse(JSON.stringify(value)) as unknown;
    },
    paint: (_style, text) => text,
    tone: (text) => text,
    // Progress lines are for a person at a terminal; an agent gets the result.
    progress: () => undefined,
    endProgress: () => undefined,
  };
  return collected;
}
