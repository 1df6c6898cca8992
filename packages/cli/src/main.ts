import { helpFor, parseCommandArgs, stringOption } from "./args.js";
import type { Command } from "./commands/command.js";
import type { CommandTable } from "./commands/index.js";
import { BUILT_IN_AGENT_NAMES, displaySafeLines, isHandoffError } from "@handoff/core/internal";
import { ExitError, UsageError } from "./errors.js";
import { EXIT, exitCodeOf } from "./exit-codes.js";
import { createOutput, type Output } from "./output.js";
import { commandFirst } from "./leading-options.js";
import {
  agentsLine,
  CHECK_PATH_HINT,
  commandLine,
  commandsLine,
  DEBUG_HINT,
  errorLine,
  failedUnexpectedly,
  GENERIC_USAGE,
  mainHelp,
  PERMISSION_HINT,
  systemCallFailed,
  unknownCommand,
  usageLine,
} from "./messages/main.js";
import packageJson from "../package.json" with { type: "json" };

function help(commands: CommandTable): string {
  return mainHelp(Object.entries(commands).map(([name, entry]) => commandLine(name, entry.summary)));
}

async function run(commands: CommandTable, argv: string[], out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") {
    out.line(packageJson.version);
    return EXIT.ok;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    out.line(help(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = commands[name];
  if (!entry) throw new UsageError(unknownCommand(name));
  const command = (await entry.load()).default;
  try {
    const parsed = parseCommandArgs(rest, command.options);
    if (parsed.values.help) {
      out.line(helpFor(command.usage, command.summary, command.options));
      return EXIT.ok;
    }
    const cwd = stringOption(parsed, "cwd") ?? process.cwd();
    return (await command.run(parsed, { cwd, out })) ?? EXIT.ok;
  } catch (error) {
    return report(commands, error, out, { usage: command.usage, json: jsonRequested(rest) });
  }
}

/** `--json` among the options (before a `--`): errors are then printed as JSON too. */
function jsonRequested(args: string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
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

/** An error as the bin reports it: a stable code, the message, what to do, and the exit code. */
interface Described {
  code: string;
  message: string;
  hint?: string;
  exitCode: number;
}

function describe(commands: CommandTable, error: unknown, usage: string | undefined): Described | undefined {
  const usageLines = (): string[] => {
    if (!usage) return [GENERIC_USAGE, commandsLine(Object.keys(commands))];
    const agents = usage.includes("<agent>") || usage.includes("<from>") ? [agentsLine(BUILT_IN_AGENT_NAMES)] : [];
    return [usageLine(usage), ...agents];
  };
  if (error instanceof UsageError) return { code: error.code, message: error.message, hint: usageLines().join("\n"), exitCode: exitCodeOf(error.code) };
  if (isHandoffError(error)) {
    const exitCode = exitCodeOf(error.code);
    const usageHint = exitCode === EXIT.usage && usage ? usageLine(usage) : undefined;
    const hint = [error.hint && `   ${error.hint}`, usageHint].filter(Boolean).join("\n");
    return { code: error.code, message: error.message, hint: hint || undefined, exitCode };
  }
  if (error instanceof ExitError) return error.message ? { code: "E_FAILED", message: error.message, exitCode: error.exitCode } : undefined;
  const system = systemError(error);
  if (system) {
    return {
      code: "E_IO",
      message: systemCallFailed(system.syscall, system.path, system.code),
      hint: system.code === "EACCES" || system.code === "EPERM" ? PERMISSION_HINT : CHECK_PATH_HINT,
      exitCode: EXIT.needsAction,
    };
  }
  const debug = process.env.HANDOFF_DEBUG && error instanceof Error ? (error.stack ?? "") : DEBUG_HINT;
  return { code: "E_UNEXPECTED", message: failedUnexpectedly(error instanceof Error ? error.message : String(error)), hint: debug, exitCode: EXIT.needsAction };
}

/**
 * JSON.stringify escapes C0 controls but not C1 ones or bidirectional overrides, which a terminal
 * may still act on: escape those too, so the text stays exact for tools and harmless on screen.
 */
function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export interface ReportOptions {
  /** The usage of the command that failed, when it is known. */
  usage?: string;
  /** Print the error as `{ "error": { code, message, hint } }` on stderr. */
  json?: boolean;
}

/** Prints `error` on stderr (as text, or as JSON with `json`) and returns the exit code it maps to. */
export async function report(commands: CommandTable, error: unknown, out: Output, options: ReportOptions = {}): Promise<number> {
  const described = describe(commands, error, options.usage);
  if (!described) return error instanceof ExitError ? error.exitCode : EXIT.needsAction;
  if (options.json) {
    const hint = described.hint?.split("\n").map((line) => line.trim()).join("\n");
    out.note(terminalSafeJson({ error: { code: described.code, message: described.message, ...(hint ? { hint } : {}) } }));
    return described.exitCode;
  }
  // E_FAILED's message is the command's own, icon included; E_UNEXPECTED's stack is printed as it is.
  say(out, described.code === "E_FAILED" ? described.message : errorLine(described.message));
  if (described.hint) {
    if (described.code === "E_UNEXPECTED") out.note(described.hint);
    else say(out, described.hint);
  }
  return described.exitCode;
}

/** Runs `handoff <argv>` with the commands of `commands`, and sets the exit code. */
export function main(commands: CommandTable, argv: string[] = process.argv.slice(2)): void {
  const out = createOutput();
  void run(commands, commandFirst(argv), out)
    .catch((error: unknown) => report(commands, error, out, { json: jsonRequested(argv) }))
    .then((code) => {
      process.exitCode = code;
    });
}

/** The program of a command built alone (src/programs): the same code, with a table of one command. */
export function mainOf(name: string, command: Command): void {
  main({ [name]: { summary: command.summary, load: async () => ({ default: command }) } });
}
