import { helpFor, parseCommandArgs, stringOption } from "./args.js";
import type { Command } from "./commands/command.js";
import type { CommandTable } from "./commands/index.js";
import { BUILT_IN_AGENT_NAMES, displaySafeLines, isHandoffError } from "@handoff/core";
import { ExitError, UsageError } from "./errors.js";
import { createOutput, type Output } from "./output.js";
import { commandFirst } from "./leading-options.js";
import packageJson from "../package.json" with { type: "json" };

function help(commands: CommandTable): string {
  return [
    "handoff: switch AI coding agents mid-task without losing context",
    "",
    "Usage: handoff <command> [options]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(9)} ${entry.summary}`),
    "",
    "Every command takes -C, --cwd <path> (before or after its name, as git does) and -h, --help.",
    "Run `handoff <command> --help` for a command's options.",
    "Exit codes: 0 ok, 1 something needs your action, 2 bad usage.",
  ].join("\n");
}

async function run(commands: CommandTable, argv: string[], out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") {
    out.line(packageJson.version);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    out.line(help(commands));
    return name === undefined ? 2 : 0;
  }
  const entry = commands[name];
  if (!entry) throw new UsageError(`unknown command "${name}"`);
  const command = (await entry.load()).default;
  try {
    const parsed = parseCommandArgs(rest, command.options);
    if (parsed.values.help) {
      out.line(helpFor(command.usage, command.summary, command.options));
      return 0;
    }
    const cwd = stringOption(parsed, "cwd") ?? process.cwd();
    return (await command.run(parsed, { cwd, out })) ?? 0;
  } catch (error) {
    if (error instanceof UsageError || (isHandoffError(error) && error.code === "E_UNKNOWN_AGENT")) {
      (error as Error & { usage?: string }).usage = command.usage;
    }
    throw error;
  }
}

/** Error text can carry file names, branch names and state content: print it line by line, made safe. */
function say(out: Output, text: string): void {
  for (const line of displaySafeLines(text)) out.note(line);
}

/** A failed system call (a state file without read permission, say): what, where, and the fix. */
function systemError(error: unknown): (NodeJS.ErrnoException & { path: string }) | undefined {
  const candidate = error as NodeJS.ErrnoException;
  return candidate instanceof Error && typeof candidate.code === "string" && typeof candidate.path === "string"
    ? (candidate as NodeJS.ErrnoException & { path: string })
    : undefined;
}

export async function report(commands: CommandTable, error: unknown, out: Output): Promise<number> {
  const usage = (error as { usage?: string }).usage;
  if (error instanceof UsageError) {
    say(out, `❌ ${error.message}`);
    out.note(`Usage: ${usage ?? "handoff <command> [options]"}`);
    if (!usage) out.note(`Commands: ${Object.keys(commands).join(", ")}`);
    else if (usage.includes("<agent>") || usage.includes("<from>")) out.note(`Agents: ${BUILT_IN_AGENT_NAMES.join(", ")}`);
    return 2;
  }
  if (isHandoffError(error)) {
    say(out, `❌ ${error.message}`);
    if (error.hint) say(out, `   ${error.hint}`);
    if (error.code === "E_UNKNOWN_AGENT") {
      if (usage) out.note(`Usage: ${usage}`);
      return 2;
    }
    return 1;
  }
  if (error instanceof ExitError) {
    if (error.message) say(out, error.message);
    return error.exitCode;
  }
  const system = systemError(error);
  if (system) {
    say(out, `❌ ${system.syscall ?? "access"} ${system.path} failed: ${system.code}`);
    out.note(system.code === "EACCES" || system.code === "EPERM" ? "   check the permissions of that path (ls -l), then run the command again" : "   check that path, then run the command again");
    return 1;
  }
  say(out, `❌ handoff failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.HANDOFF_DEBUG && error instanceof Error) out.note(error.stack ?? "");
  else out.note("   Run again with HANDOFF_DEBUG=1 for details, and report it with that output.");
  return 1;
}

/** Runs `handoff <argv>` with the commands of `commands`, and sets the exit code. */
export function main(commands: CommandTable, argv: string[] = process.argv.slice(2)): void {
  const out = createOutput();
  run(commands, commandFirst(argv), out)
    .catch((error: unknown) => report(commands, error, out))
    .then((code) => {
      process.exitCode = code;
    });
}

/** The program of a command built alone (src/programs): the same code, with a table of one command. */
export function mainOf(name: string, command: Command): void {
  main({ [name]: { summary: command.summary, load: async () => ({ default: command }) } });
}
