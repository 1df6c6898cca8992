import type { CommandRun, SessionState } from "../schema/session-state.js";
import { renderPrompt, type PromptOptions } from "./prompt.js";
import { unclosedFence } from "../views/record-fence.js";
import { displaySafe } from "../util/sanitize.js";

/** A rough token count: about four characters per token for English text and code. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface BudgetedPrompt {
  prompt: string;
  tokens: number;
  maxTokens: number;
  /** What was left out to fit, in words ("12 of 40 files"); empty when all of it fit. */
  omitted: string[];
}

export interface BudgetOptions extends PromptOptions {
  maxTokens: number;
}

const REPOSITORY_HEADING = "\n\n## Repository";
const FILE_STEPS = [Infinity, 20, 10, 5, 0];
const COMMAND_STEPS = [10, 5, 0];

function commandLine(run: CommandRun): string {
  const code = run.exit_code === undefined || run.exit_code === null ? "" : ` (exit ${run.exit_code})`;
  return `- \`${displaySafe(run.command.replace(/\s*\n\s*/g, " "))}\`${code}`;
}

function withFilesCut(state: SessionState, keep: number): { state: SessionState; cut: number } {
  const modified = state.context?.files_modified ?? [];
  const created = state.context?.files_created ?? [];
  const total = modified.length + created.length;
  if (total <= keep) return { state, cut: 0 };
  const keptModified = modified.slice(0, keep);
  const keptCreated = created.slice(0, Math.max(0, keep - keptModified.length));
  return {
    state: { ...state, context: { ...state.context, files_modified: keptModified, files_created: keptCreated } },
    cut: total - keep,
  };
}

function compose(state: SessionState, options: PromptOptions, commands: CommandRun[], omitted: string[], maxTokens: number): string {
  const recordExtra = commands.length ? ["Recent commands:", ...commands.map(commandLine)] : undefined;
  const body = renderPrompt(state, { ...options, recordExtra });
  const extra: string[] = [];
  if (omitted.length) extra.push("", `(Left out to fit a ${maxTokens}-token budget: ${omitted.join("; ")}.)`);
  if (!extra.length) return body;
  const at = body.lastIndexOf(REPOSITORY_HEADING);
  return at < 0 ? [body, ...extra].join("\n") : [body.slice(0, at), ...extra].join("\n") + body.slice(at);
}

/**
 * The handoff prompt within `maxTokens`: the task, next steps, violations and the git picture
 * always stay; the recent commands and then the file lists are shortened first, and the prompt
 * says what it left out. Only when even that is too long is the text itself cut.
 */
export function renderPromptWithinBudget(state: SessionState, options: BudgetOptions): BudgetedPrompt {
  const { maxTokens } = options;
  const allCommands = state.context?.commands_run ?? [];
  let last = "";
  let lastOmitted: string[] = [];
  // Some templates (escalation) show no file list: cutting it would save nothing.
  const showsFiles = renderPrompt(withFilesCut(state, 0).state, options) !== renderPrompt(state, options);
  for (const keepFiles of showsFiles ? FILE_STEPS : [Infinity]) {
    for (const keepCommands of COMMAND_STEPS) {
      const files = withFilesCut(state, keepFiles);
      const shown = keepCommands === 0 ? [] : allCommands.slice(-keepCommands);
      const omitted: string[] = [];
      if (shown.length < allCommands.length) omitted.push(`${allCommands.length - shown.length} of ${allCommands.length} recent commands`);
      if (files.cut > 0) {
        const total = (state.context?.files_modified?.length ?? 0) + (state.context?.files_created?.length ?? 0);
        omitted.push(`${files.cut} of ${total} files`);
      }
      last = compose(files.state, options, shown, omitted, maxTokens);
      lastOmitted = omitted;
      if (estimateTokens(last) <= maxTokens) return { prompt: last, tokens: estimateTokens(last), maxTokens, omitted };
      if (allCommands.length === 0) break;
    }
  }
  const note = `\n\n(Cut at the ${maxTokens}-token budget.)`;
  // A cut inside the record closes its fence, so that the note is handoff's words, not the record's.
  const limit = maxTokens * 4 - note.length;
  const fence = unclosedFence(last.slice(0, Math.max(0, limit)));
  const cut = last.slice(0, Math.max(0, limit - (fence ? fence.length + 1 : 0)));
  const closing = unclosedFence(cut);
  const prompt = cut + (closing ? `\n${closing}` : "") + note;
  return { prompt, tokens: estimateTokens(prompt), maxTokens, omitted: [...lastOmitted, "the end of the prompt text"] };
}
