/** What the bin itself prints: the help, and the errors `report()` in main.ts describes. */

/** `handoff --help`; `commands` are the lines of the command list. */
export const mainHelp = (commands: string[]) =>
  [
    "handoff: switch AI coding agents mid-task without losing context",
    "",
    "Usage: handoff <command> [options]",
    "",
    "Commands:",
    ...commands,
    "",
    "Every command takes -C, --cwd <path> (before or after its name, as git does) and -h, --help.",
    "Run `handoff <command> --help` for a command's options.",
    "Exit codes: 0 ok, 1 something needs your action, 2 bad usage.",
  ].join("\n");

export const commandLine = (name: string, summary: string) => `  ${name.padEnd(9)} ${summary}`;
export const unknownCommand = (name: string) => `unknown command "${name}"`;

export const usageLine = (usage: string) => `Usage: ${usage}`;
export const GENERIC_USAGE = "Usage: handoff <command> [options]";
export const commandsLine = (names: string[]) => `Commands: ${names.join(", ")}`;
export const agentsLine = (names: readonly string[]) => `Agents: ${names.join(", ")}`;

/** E_IO: a failed system call. */
export const systemCallFailed = (syscall: string | undefined, file: string, code: string | undefined) => `${syscall ?? "access"} ${file} failed: ${code}`;
export const PERMISSION_HINT = "   check the permissions of that path (ls -l), then run the command again";
export const CHECK_PATH_HINT = "   check that path, then run the command again";

/** E_UNEXPECTED: a bug. */
export const failedUnexpectedly = (reason: string) => `handoff failed unexpectedly: ${reason}`;
export const DEBUG_HINT = "   Run again with HANDOFF_DEBUG=1 for details, and report it with that output.";

/** The icon of an error line (E_FAILED messages carry their own). */
export const errorLine = (message: string) => `❌ ${message}`;
