import { displaySafe, type AgentInfo, type SessionState } from "@handoff/core/internal";
import type { Output } from "../output.js";
import { launchAgent, manualLaunchCommand, takesPrompt } from "./launch.js";
import { CLIPBOARD_TOOLS, copyToClipboard } from "./launch-clipboard.js";
import { tooLargeForArgument } from "./launch-prompt-file.js";
import { handoffPrompt } from "./session-prompt.js";

export interface DeliverOptions {
  state: SessionState;
  to: AgentInfo;
  cwd: string;
  copy: boolean;
  launch: boolean;
}

/** `switch --copy` and `--launch`: the target's prompt to the clipboard and/or into its CLI. Returns the exit code. */
export async function deliverPrompt(out: Output, options: DeliverOptions): Promise<number> {
  const { to } = options;
  const { prompt } = await handoffPrompt(out, options.state, to);
  if (options.copy) {
    const tool = copyToClipboard(prompt);
    if (tool) out.note(`📋 The prompt for ${to.name} is on the clipboard (${tool})`);
    else out.note(`⚠️  No clipboard tool found (tried ${CLIPBOARD_TOOLS}); print the prompt with: handoff restore ${to.name} --prompt`);
  }
  if (!options.launch) return 0;
  if (takesPrompt(to) && tooLargeForArgument(prompt)) out.note(`📄 The prompt is too large for a command line: ${displaySafe(to.name)} gets it through a temporary file`);
  const launched = launchAgent(to, prompt, options.cwd);
  if (launched.launched) return launched.exitCode;
  const manual = manualLaunchCommand(to);
  if (launched.reason === "no-command" || !manual) {
    out.note(`⚠️  ${displaySafe(to.label)} has no command-line program to launch; paste the prompt from: handoff restore ${to.name} --prompt`);
  } else {
    out.note(`⚠️  ${displaySafe(to.command ?? to.name)} is not on PATH; once it is installed, run:`);
    out.note(`   ${displaySafe(manual)}`);
  }
  return 1;
}
