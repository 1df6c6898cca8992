/**
 * Texts more than one command prints: usage errors, the notes of a save, counted words. Like every
 * file in this folder: named constants and small functions returning strings, nothing built at load
 * and no import but a type or a small helper of core, so that a command pays only for the texts it uses.
 */
import { countOf } from "@handoff/core";


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
