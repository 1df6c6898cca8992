import { displaySafe, redactDeep, renderPromptWithinBudget, type AgentInfo, type SessionState } from "@handoff/core/internal";
import type { Output } from "../output.js";
import { redacted as redactedNote } from "../messages/common.js";
import { PROMPT_SECRETS, promptShortened } from "../messages/save.js";

export interface HandoffPrompt {
  prompt: string;
  tokens: number;
}

/**
 * The prompt for `target` within its token budget, redacted, with stderr notes on what was
 * left out to fit and how many secrets were replaced. The state is redacted before the prompt is
 * cut to the budget: cut first, a secret's first half would no longer be recognised, and print.
 */
export async function handoffPrompt(
  out: Output,
  state: SessionState,
  target: Pick<AgentInfo, "name" | "maxTokens">,
  maxTokens: number = target.maxTokens,
): Promise<HandoffPrompt> {
  const redacted = await redactDeep(state);
  const budgeted = renderPromptWithinBudget(redacted.value, { maxTokens });
  if (budgeted.omitted.length) {
    out.note(promptShortened(maxTokens, displaySafe(target.name), budgeted.omitted));
  }
  if (redacted.count > 0) out.note(redactedNote(redacted.count, PROMPT_SECRETS));
  return { prompt: budgeted.prompt, tokens: budgeted.tokens };
}
