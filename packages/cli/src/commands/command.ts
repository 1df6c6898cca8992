import type { OptionTable, ParsedArgs } from "../args.js";
import type { Output } from "../output.js";

export interface CommandContext {
  cwd: string;
  out: Output;
}

export interface Command {
  usage: string;
  summary: string;
  options: OptionTable;
  /** Resolves to the exit code (0 when undefined). */
  run(parsed: ParsedArgs, context: CommandContext): Promise<number | void>;
}
