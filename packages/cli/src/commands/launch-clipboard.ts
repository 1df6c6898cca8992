import { spawnSync } from "node:child_process";
import { findExecutable } from "@handoff/core/internal";

interface ClipboardTool {
  command: string;
  args: string[];
}

/** The clipboard tools tried, in order: the platform's own first, then the X11 and WSL ones. */
function candidates(env: NodeJS.ProcessEnv): ClipboardTool[] {
  const tools: ClipboardTool[] = [];
  if (process.platform === "darwin") tools.push({ command: "pbcopy", args: [] });
  if (process.platform === "win32") tools.push({ command: "clip", args: [] });
  if (env.WAYLAND_DISPLAY) tools.push({ command: "wl-copy", args: [] });
  tools.push(
    { command: "xclip", args: ["-selection", "clipboard"] },
    { command: "xsel", args: ["--clipboard", "--input"] },
    { command: "wl-copy", args: [] },
    { command: "clip.exe", args: [] },
    { command: "pbcopy", args: [] },
  );
  return tools;
}

export const CLIPBOARD_TOOLS = "pbcopy, wl-copy, xclip, xsel, clip.exe";

/** Puts `text` on the clipboard; the tool used, or undefined when none is installed or all failed. */
export function copyToClipboard(text: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const tool of candidates(env)) {
    const executable = findExecutable(tool.command, env);
    if (!executable) continue;
    const result = spawnSync(executable, tool.args, { input: text, stdio: ["pipe", "ignore", "ignore"], timeout: 5000 });
    if (!result.error && result.status === 0) return tool.command;
  }
  return undefined;
}
