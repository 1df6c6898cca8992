import { displaySafe, type AgentInfo, type SessionState } from "@handoff/core/internal";
import type { Output } from "../output.js";
import { launchAgent, manualLaunchCommand, takesPrompt } from "./launch.js";
import { CLIPBOARD_TOOLS, copyToClipboard } from "./launch-clipboard.js";
import { tooLargeForArgument } from "./launch-prompt-file.js";
import { handoffPrompt } from "./session-prompt.js";
import { manualCommand, noClipboard, nothingToLaunch, notOnPath, onClipboard, promptThroughFile } from "../messages/switch.js";

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
    if (tool) out.note(onClipboard(to.name, tool));
    else out.note(noClipboard(CLIPBOARD_TOOLS, to.name));
  }
  if (!options.launch) return 0;
  if (takesPrompt(to) && tooLargeForArgument(prompt)) out.note(promptThroughFile(displaySafe(to.name)));
  const launched = launchAgent(to, prompt, options.cwd);
  if (launched.launched) return launched.exitCode;
  const manual = manualLaunchCommand(to);
  if (launched.reason === "no-command" || !manual) {
    out.note(nothingToLaunch(displaySafe(to.label), to.name));
  } else {
    out.note(notOnPath(displaySafe(to.command ?? to.name)));
    out.note(manualCommand(displaySafe(manual)));
  }
  return 1;
}
