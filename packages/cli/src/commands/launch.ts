import { spawnSync } from "node:child_process";
import { findExecutable, type AgentInfo } from "@handoff/core/internal";
import { tooLargeForArgument, writePromptFile } from "./launch-prompt-file.js";

const PLACEHOLDER = "{prompt}";

/** The arguments that hand `prompt` to the agent's CLI, from its registry entry. */
export function promptArguments(agent: Pick<AgentInfo, "promptArgs">, prompt: string): string[] {
  if (!agent.promptArgs) return [prompt];
  return agent.promptArgs.map((arg) => (arg === PLACEHOLDER ? prompt : arg));
}

/** Whether the agent's CLI is given a prompt at all (some are started bare, to paste it into). */
export function takesPrompt(agent: Pick<AgentInfo, "promptArgs">): boolean {
  return agent.promptArgs === undefined || agent.promptArgs.includes(PLACEHOLDER);
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** What to type to start the agent with the prompt, reading it from `handoff restore` (for when its CLI is missing). */
export function manualLaunchCommand(agent: Pick<AgentInfo, "name" | "command" | "promptArgs">): string | undefined {
  if (!agent.command) return undefined;
  const prompt = `"$(handoff restore ${agent.name} --prompt)"`;
  const args = agent.promptArgs ? agent.promptArgs.map((arg) => (arg === PLACEHOLDER ? prompt : shellQuote(arg))) : [prompt];
  return [agent.command, ...args].join(" ");
}

export type LaunchResult =
  /** `promptFile`: the prompt was too large for an argument and went through this (since removed) file. */
  | { launched: true; executable: string; exitCode: number; promptFile?: string }
  | { launched: false; reason: "no-command" | "not-installed" };

/**
 * Starts the agent's CLI in the terminal with the prompt, and waits for it to end. A prompt too
 * large for one argument is written to a private file, and the agent gets a short prompt naming it.
 */
export function launchAgent(agent: Pick<AgentInfo, "command" | "promptArgs">, prompt: string, cwd: string): LaunchResult {
  if (!agent.command) return { launched: false, reason: "no-command" };
  const executable = findExecutable(agent.command);
  if (!executable) return { launched: false, reason: "not-installed" };
  const viaFile = takesPrompt(agent) && tooLargeForArgument(prompt) ? writePromptFile(prompt) : undefined;
  try {
    const child = spawnSync(executable, promptArguments(agent, viaFile?.reference ?? prompt), { cwd, stdio: "inherit" });
    return { launched: true, executable, exitCode: child.error ? 1 : (child.status ?? 1), promptFile: viaFile?.file };
  } finally {
    viaFile?.remove();
  }
}
