import type { ParsedArgs } from "../args.js";
import type { Command } from "../commands/command.js";
import { collectOutput, type CollectedOutput } from "./collect-output.js";

export interface CommandRun extends CollectedOutput {
  exitCode: number;
}

type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * Runs a CLI command with the options a tool call maps to: the same validation, the same core
 * calls and the same notes as in a terminal, with its output kept for the tool result.
 */
export async function runCommand(command: Command, cwd: string, values: Values, positionals: string[] = []): Promise<CommandRun> {
  const out = collectOutput();
  const parsed: ParsedArgs = { values: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)), positionals };
  const exitCode = (await command.run(parsed, { cwd, out })) ?? 0;
  return Object.assign(out, { exitCode });
}
