/** `handoff restore`. */

export const maxTokensNotWhole = (value: string) => `--max-tokens must be a positive whole number; got "${value}"`;
export const MAX_TOKENS_WITHOUT_PROMPT = "--max-tokens only applies to --prompt";
export const REFRESHED = "🔄 The repository changed since this state was saved; its git part was refreshed";
