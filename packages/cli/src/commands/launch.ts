import { spawnSync } from "node:child_process";
import { findExecutable, type AgentInfo } from "@handoff/core";

const PLACEHOLDER = "{prompt}";

/** The arguments that hand `prompt` to the agent's CLI, from its registry entry. */
export function promptArguments(agent: Pick<AgentInfo, "promptArgs">, prompt: string): string[] {
  if (!agent.promptArgs) return [prompt];
  return agent.promptArgs.map((arg) => (arg === PLACEHOLDER ? prompt : arg));
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** What to type to start the agent with the prompt, reading it from `handoff restore` (for when its CLI is missing). */
export function manualLaunchCommand(agent: Pick<AgentInfo, "name" | "command" | "promptArgs">): string | undefined {
  if (!agent.command) return undefined;
  const prompt = `"$(handoff restore ${agent.name} --prompt)"`;
  const args = agent.promptArgs ? agent.promptArgs.map((arg) => (arg === PLACEHOLDER ? prompt : shellQuote(arg))) : [prompt];
  return [agent.command, ...args].join(" ");
}

export type LaunchResult =
  | { launched: true; executable: string; exitCode: number }
  | { launched: false; reason: "no-command" | "not-installed" };

/** Starts the agent's CLI in the terminal with the prompt, and waits for it to end. */
export function launchAgent(agent: Pick<AgentInfo, "command" | "promptArgs">, prompt: string, cwd: string): LaunchResult {
  if (!agent.command) return { launched: false, reason: "no-command" };
  const executable = findExecutable(agent.command);
  if (!executable) return { launched: false, reason: "not-installed" };
  const child = spawnSync(executable, promptArguments(agent, prompt), { cwd, stdio: "inherit" });
  return { launched: true, executable, exitCode: child.error ? 1 : (child.status ?? 1) };
}
