import path from "node:path";
import { asArray, asNumber, asObject, asString, parseJson, type JsonObject } from "./values.js";

/**
 * Codex CLI's tool calls, across its generations (openai/codex codex-rs/protocol/src/models.rs,
 * `ShellToolCallParams` / `ShellCommandToolCallParams`). A patch can also run through the shell:
 * `["apply_patch", "<patch>"]`, or `apply_patch <<'PATCH'` / `applypatch <<'PATCH'`, alone or after
 * `cd <dir> &&`, relative to the call's directory (codex-rs/apply-patch/src/invocation.rs,
 * `maybe_parse_apply_patch`, at 1743612a).
 */
const SHELL_TOOLS = new Set(["shell", "container.exec", "local_shell", "shell_command", "exec_command", "unified_exec"]);
const PATCH_BODY = /\*\*\* ?Begin Patch/;

/** The arguments of a call: JSON `arguments` (function calls), or `input` (custom tools: JSON, or the raw text). */
export function callArguments(payload: JsonObject): JsonObject {
  const fromArguments = asObject(parseJson(asString(payload.arguments)));
  if (fromArguments) return fromArguments;
  const input = asString(payload.input);
  if (input === undefined) return {};
  return asObject(parseJson(input)) ?? { input };
}

/** The command text of a shell call, whatever the tool's generation (argv array, string, `cmd`, raw `input`). */
export function commandOf(args: JsonObject): string | undefined {
  const argv = asArray(args.command).map(asString).filter((part): part is string => part !== undefined);
  if (argv.length >= 3 && /(^|\/)(ba|z)?sh$/.test(argv[0]!) && /^-l?c$/.test(argv[1]!)) return argv.slice(2).join(" ");
  if (argv.length) return argv.join(" ");
  return asString(args.command) ?? asString(args.cmd) ?? asString(args.input);
}

export function isShellTool(name: string): boolean {
  return SHELL_TOOLS.has(name);
}

/**
 * The commands inside a code-mode `exec` call (`tools.exec_command({cmd: "…"})`), which newer
 * Codex versions send as a custom tool whose `input` is a script.
 */
export function scriptCommands(script: string): string[] {
  const found: string[] = [];
  const call = /exec_command\(\s*\{[^}]*?\bcmd\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;
  for (const match of script.matchAll(call)) {
    const literal = match[1]!;
    const text = literal.startsWith('"') ? asString(parseJson(literal)) : literal.slice(1, -1).replace(/\\(.)/g, "$1");
    if (text) found.push(text);
  }
  return found;
}

/** The patch in a shell command (`apply_patch <<'PATCH' …`, `applypatch "…"`), or undefined. */
export function patchInCommand(command: string | undefined): string | undefined {
  if (!command || !PATCH_BODY.test(command) || !/\bapply_?patch\b/.test(command)) return undefined;
  return command;
}

/** The directory a patch run through the shell applies in: a leading `cd <dir> &&`, relative to the call's `workdir`, then `cwd`. */
export function patchDirectory(command: string, args: JsonObject, cwd: string): string {
  const base = path.resolve(cwd, asString(args.workdir) ?? ".");
  const cd = /^\s*cd\s+("[^"]+"|'[^']+'|\S+)\s*&&/.exec(command);
  return cd ? path.resolve(base, cd[1]!.replace(/^["']|["']$/g, "")) : base;
}

/** The text of a call output: a string, `{content}`, or a list of content items. */
function outputText(output: unknown): string | undefined {
  if (typeof output === "string") return output;
  const object = asObject(output);
  if (object) return asString(object.content) ?? asString(object.output) ?? outputText(object.content_items ?? object.content);
  const texts = asArray(output).map((item) => asString(asObject(item)?.text) ?? (typeof item === "string" ? item : ""));
  return texts.length ? texts.join("\n") : undefined;
}

/**
 * The exit code in a call output: JSON with `metadata.exit_code` or `exit_code` (older and
 * structured outputs), or the "Exit code: N" / "Process exited with code N" text (newer).
 */
export function exitCodeOf(output: unknown): number | undefined {
  const object = asObject(output);
  const direct = asNumber(object?.exit_code) ?? asNumber(asObject(object?.metadata)?.exit_code);
  if (direct !== undefined) return direct;
  const text = outputText(output);
  const parsed = asObject(parseJson(text));
  if (parsed && parsed !== object) {
    const fromJson = exitCodeOf(parsed);
    if (fromJson !== undefined) return fromJson;
  }
  const match = /(?:^|\n)Exit code: (-?\d+)|Process exited with code (-?\d+)/.exec(text ?? "");
  return match ? Number(match[1] ?? match[2]) : undefined;
}
