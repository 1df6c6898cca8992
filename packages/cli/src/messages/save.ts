/** `handoff save` (and the save inside `switch`): what a save did besides writing, and what it read. */
import { countOf } from "./common.js";

export const movedAsideOnSave = (file: string, backup: string) =>
  `⚠️  ${file} could not be read; its bytes were moved to ${backup} and a fresh state was written`;
export const gitignoreNotUpdated = (reason: string) => `⚠️  The state was saved, but .gitignore could not be updated: ${reason}`;
export const addToGitignoreYourself = (entry: string) =>
  `   Add this line to .gitignore yourself, so that git never commits the state: ${entry}`;

export const OPTIONS_SECRETS = "the options before saving";

/** `save --from-session`: the agent's own session. */
export const sessionUnreadable = (label: string, reason: string) => `⚠️  The ${label} session is unreadable, saving without it: ${reason}`;
export const noSessionFound = (label: string) => `⚠️  No ${label} session found for this repository; saving without one`;
export const sessionRead = (label: string, file: string, what: string) => `📖 Read the ${label} session ${file}: ${what}`;
export const sessionSecrets = (label: string) => `the ${label} session`;

/** "the task, 3 next steps, 2 files": what was read from a session. */
export const READ_TASK = "the task";
export const readNextSteps = (count: number) => countOf(count, "next step");
export const readFiles = (count: number) => countOf(count, "file");
export const readCommands = (count: number) => countOf(count, "command");
export const readModel = (model: string) => `the model ${model}`;
export const NOTHING_USABLE = "nothing usable";

/** `restore --prompt`, `switch --copy` and `--launch`: the prompt for the next agent. */
export const promptShortened = (maxTokens: number, agent: string, omitted: string[]) =>
  `✂️  Prompt shortened to fit ${maxTokens} tokens for ${agent}: left out ${omitted.join("; ")}`;
export const PROMPT_SECRETS = "the prompt";
