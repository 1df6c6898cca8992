import { redactDeep, type SaveInput } from "@handoff/core";
import type { Output } from "../output.js";
import { redacted as redactedNote } from "../messages/common.js";
import { OPTIONS_SECRETS } from "../messages/save.js";

/**
 * What the user typed (`--task`, `--next`, `--reason`) with its secrets redacted before it reaches
 * the state file, and from there prompts, clipboards and commit messages. Loaded only when such
 * text was given: a plain `save` loads no detector.
 */
export async function redactedInput(out: Output, input: SaveInput): Promise<SaveInput> {
  const { task, nextSteps, reason } = input;
  const redacted = await redactDeep({ task, nextSteps, reason });
  if (redacted.count === 0) return input;
  out.note(redactedNote(redacted.count, OPTIONS_SECRETS));
  const clean = redacted.value;
  return { ...input, task: clean.task, nextSteps: clean.nextSteps, reason: clean.reason };
}
