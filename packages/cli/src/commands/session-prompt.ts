import { displaySafe, redactDeep, renderPromptWithinBudget, type AgentInfo, type SessionState } from "@handoff/core/internal";
import type { Output } from "../output.js";

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
    out.note(`✂️  Prompt shortened to fit ${maxTokens} tokens for ${displaySafe(target.name)}: left out ${budgeted.omitted.join("; ")}`);
  }
  if (redacted.count > 0) out.note(`🔒 Redacted ${redacted.count} secret${redacted.count === 1 ? "" : "s"} from the prompt`);
  return { prompt: budgeted.prompt, tokens: budgeted.tokens };
}
