import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";
import { notOneOfOption } from "./messages/common.js";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Shown in help as `--name <value>`. */
  value?: string;
  description: string;
}

export type OptionTable = Record<string, OptionSpec>;

/** Options every command takes. */
export const GLOBAL_OPTIONS: OptionTable = {
  cwd: { type: "string", short: "C", value: "path", description: "run as if handoff was started in <path>" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses with node:util from the same table that `helpFor` prints. Arguments of which none starts
 * with "-" are all positionals, which is all parseArgs could make of them; they are answered
 * without it, since loading it is 0.6 ms of the start of `handoff restore claude` (bench/README.md).
 */
export function parseCommandArgs(args: string[], table: OptionTable): ParsedArgs {
  if (args.every((arg) => !arg.startsWith("-"))) return { values: Object.create(null) as ParsedArgs["values"], positionals: [...args] };
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, spec] of Object.entries({ ...GLOBAL_OPTIONS, ...table })) {
    options[name] = { type: spec.type, multiple: spec.multiple === true, ...(spec.short ? { short: spec.short } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

export function helpFor(usage: string, summary: string, table: OptionTable): string {
  const rows = Object.entries({ ...table, ...GLOBAL_OPTIONS }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.value ? ` <${spec.value}>` : ""}`;
    return [flag, spec.description + (spec.multiple ? " (repeatable)" : "")] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: ${usage}`,
    "",
    summary,
    "",
    "Options:",
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
  ].join("\n");
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
}

export function listOption(parsed: ParsedArgs, name: string): string[] | undefined {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : undefined;
}

export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** Checks that `value` is one of `allowed`, for options such as --status. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(notOneOfOption(name, allowed, value));
  }
  return value as T;
}
