#!/usr/bin/env node
import module from "node:module";
import { helpFor, parseCommandArgs, stringOption } from "./args.js";
import { COMMANDS } from "./commands/index.js";
import { ExitError, UsageError } from "./errors.js";
import { createOutput, type Output } from "./output.js";
import packageJson from "../package.json" with { type: "json" };

const HELP = [
  "handoff: switch AI coding agents mid-task without losing context",
  "",
  "Usage: handoff <command> [options]",
  "",
  "Commands:",
  ...Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(9)} ${entry.summary}`),
  "",
  "Run `handoff <command> --help` for a command's options.",
  "Exit codes: 0 ok, 1 something needs your action, 2 bad usage.",
].join("\n");

/** HandoffError, recognised by shape so that this entry never has to load @handoff/core itself. */
interface CoreError {
  name: "HandoffError";
  code: string;
  message: string;
  hint?: string;
}

function isCoreError(error: unknown): error is CoreError {
  return error instanceof Error && error.name === "HandoffError" && typeof (error as { code?: unknown }).code === "string";
}

async function run(argv: string[], out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") {
    out.line(packageJson.version);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    out.line(HELP);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
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
    if (error instanceof UsageError || (isCoreError(error) && error.code === "E_UNKNOWN_AGENT")) {
      (error as Error & { usage?: string }).usage = command.usage;
    }
    throw error;
  }
}

async function knownAgents(): Promise<string> {
  try {
    const core = await import("@handoff/core");
    return core.BUILT_IN_AGENT_NAMES.join(", ");
  } catch {
    return "";
  }
}

async function report(error: unknown, out: Output): Promise<number> {
  const usage = (error as { usage?: string }).usage;
  if (error instanceof UsageError) {
    out.note(`❌ ${error.message}`);
    out.note(`Usage: ${usage ?? "handoff <command> [options]"}`);
    if (!usage) out.note(`Commands: ${Object.keys(COMMANDS).join(", ")}`);
    else if (usage.includes("<agent>") || usage.includes("<from>")) out.note(`Agents: ${await knownAgents()}`);
    return 2;
  }
  if (isCoreError(error)) {
    out.note(`❌ ${error.message}`);
    if (error.hint) out.note(`   ${error.hint}`);
    if (error.code === "E_UNKNOWN_AGENT") {
      if (usage) out.note(`Usage: ${usage}`);
      return 2;
    }
    return 1;
  }
  if (error instanceof ExitError) {
    if (error.message) out.note(error.message);
    return error.exitCode;
  }
  out.note(`❌ handoff failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.HANDOFF_DEBUG && error instanceof Error) out.note(error.stack ?? "");
  else out.note("   Run again with HANDOFF_DEBUG=1 for details, and report it with that output.");
  return 1;
}

// Node >= 22.1 can keep compiled code between runs (the command chunks load after this line);
// Node 20 has no such call, and there this is a no-op.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const out = createOutput();
run(process.argv.slice(2), out)
  .catch((error: unknown) => report(error, out))
  .then((code) => {
    process.exitCode = code;
  });
