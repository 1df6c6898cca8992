import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promptFileReference } from "../messages/switch.js";

/**
 * The largest prompt passed as a command-line argument. Linux refuses any single argument over
 * 128 KiB (MAX_ARG_STRLEN, E2BIG) and Windows a whole command line over 32 767 characters, so a
 * larger prompt goes in a file that a short argument points to.
 *
 * A file, not stdin: the agents' interactive sessions need the terminal on stdin. Gemini CLI
 * refuses `-i` with piped input ("The --prompt-interactive flag cannot be used when input is piped
 * from stdin", google-gemini/gemini-cli packages/cli/src/gemini.tsx at 5411f113); Claude Code and
 * Codex CLI read a piped prompt only in their non-interactive modes (`claude -p`, `codex exec -`,
 * per their CLI references), which would end the session after one answer.
 */
export const MAX_PROMPT_ARGUMENT_BYTES = process.platform === "win32" ? 8000 : 96 * 1024;

export interface PromptFile {
  /** The short prompt that names the file. */
  reference: string;
  file: string;
  remove(): void;
}

/** Writes `prompt` to a private temporary file (removed once the agent has ended). */
export function writePromptFile(prompt: string): PromptFile {
  const dir = mkdtempSync(path.join(tmpdir(), "handoff-launch-"));
  const file = path.join(dir, "handoff-prompt.md");
  writeFileSync(file, prompt, { mode: 0o600 });
  return { reference: promptFileReference(file), file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Whether `prompt` is too large to pass as one command-line argument. */
export function tooLargeForArgument(prompt: string): boolean {
  return Buffer.byteLength(prompt, "utf8") > MAX_PROMPT_ARGUMENT_BYTES;
}
