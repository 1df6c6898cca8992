import type { SaveInput } from "@handoff/core";

/** Whether the user typed text that may hold a secret (and so the redaction detectors must load). */
export function hasFreeText(input: SaveInput): boolean {
  return Boolean(input.task || input.reason || input.nextSteps?.length);
}
