/**
 * Texts more than one command prints: usage errors, the notes of a save, counted words. Like every
 * file in this folder: named constants and small functions returning strings, nothing built at load
 * and no import but types and each other, so that a command pays only for the texts it uses.
 */

/**
 * "1 file", "3 files". Core's countOf (rules/format.ts) says the same, but its module loads the rule
 * matcher and re2js at the top: every command would load them just to parse its arguments.
 */
export function countOf(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}


export const missingArgument = (name: string | undefined) => `missing <${name}>`;
export const unexpectedArgument = (argument: string | undefined) => `unexpected argument "${argument}"`;
export const cannotCombine = (first: string, second: string) => `${first} and ${second} cannot be combined`;
export const notOneOfOption = (name: string, allowed: readonly string[], value: string) => `--${name} must be one of ${allowed.join(", ")}; got "${value}"`;

/** A `🔧 Repaired` note: what the parser fixed in a state file it read. */
export const repaired = (file: string, repair: string) => `🔧 Repaired ${file}: ${repair}`;
export const addedToGitignore = (entry: string) => `🙈 Added ${entry} to .gitignore`;
export const stateSavedTo = (file: string) => `✅ Session state saved to ${file}`;

/** `🔒 Redacted 2 secrets from the prompt`: `from` says where the secrets were found. */
export const redacted = (count: number, from: string) => `🔒 Redacted ${countOf(count, "secret")} from ${from}`;

export const NO_STATE_SAVED = "No session state saved in this repository yet.";
export const RUN_SAVE = "   Run: handoff save <agent>   (handoff agents lists them)";

/** A warning line: the icon, two spaces (the emoji is wide), the text. */
export const warning = (text: string) => `⚠️  ${text}`;

/** "an error", "3 errors": the git hooks' logged errors, in `status` and `doctor`. */
export const hookErrorCount = (count: number) => (count === 1 ? "an error" : `${count} errors`);
export const savedAgo = (age: string) => `saved ${age}`;
