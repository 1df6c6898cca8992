import { spawn } from "node:child_process";
import type { CheckName } from "../schema/config.js";
import type { PlannedCheck } from "./plan-checks.js";

export type CheckVerdict = "pass" | "fail" | "not_run";

export interface CheckOutcome {
  name: CheckName;
  label: string;
  result: CheckVerdict;
  command?: string;
  exitCode?: number | null;
  /** Why a check did not run, or how it ended when no exit code says it (a signal). */
  reason?: string;
  /** The last lines the command printed (stdout and stderr together). */
  output: string;
}

export interface RunCheckOptions {
  env?: NodeJS.ProcessEnv;
  /** How many trailing lines of output to keep. */
  tailLines?: number;
}

const KEEP_BYTES = 64 * 1024;
const DEFAULT_TAIL_LINES = 30;
/** What a POSIX shell exits with when the command is not installed. */
const COMMAND_NOT_FOUND = 127;

/** Keeps only the end of a long output, so a chatty test run cannot fill memory. */
function tailKeeper(): { add: (chunk: Buffer) => void; text: (lines: number) => string } {
  let kept = Buffer.alloc(0);
  return {
    add(chunk) {
      kept = Buffer.concat([kept, chunk]);
      if (kept.length > KEEP_BYTES) kept = kept.subarray(kept.length - KEEP_BYTES);
    },
    text(lines) {
      return kept.toString("utf8").trimEnd().split("\n").slice(-lines).join("\n");
    },
  };
}

/** Runs one check's command through the shell in `root`: exit 0 is pass, anything else fail. */
export function runCheck(root: string, check: PlannedCheck, options: RunCheckOptions = {}): Promise<CheckOutcome> {
  const base = { name: check.name, label: check.label };
  if (!check.command) return Promise.resolve({ ...base, result: "not_run", reason: check.reason, output: "" });
  const command = check.command;
  const tail = tailKeeper();
  const tailLines = options.tailLines ?? DEFAULT_TAIL_LINES;
  return new Promise((resolve) => {
    const child = spawn(command, {
      cwd: root,
      shell: true,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true,
    });
    child.stdout.on("data", tail.add);
    child.stderr.on("data", tail.add);
    child.on("error", (error) =>
      resolve({ ...base, command, result: "not_run", reason: `could not start: ${error.message}`, output: "" }),
    );
    child.on("close", (code, signal) => {
      const output = tail.text(tailLines);
      if (code === 0) return resolve({ ...base, command, result: "pass", exitCode: 0, output });
      if (code === COMMAND_NOT_FOUND) {
        return resolve({ ...base, command, result: "not_run", exitCode: code, reason: "command not found", output });
      }
      resolve({ ...base, command, result: "fail", exitCode: code, ...(signal ? { reason: `killed by ${signal}` } : {}), output });
    });
  });
}

/** Runs the checks one after the other (they compete for the same CPU), reporting each as it starts and ends. */
export async function runChecks(
  root: string,
  checks: readonly PlannedCheck[],
  options: RunCheckOptions & { onStart?: (check: PlannedCheck) => void; onDone?: (outcome: CheckOutcome) => void } = {},
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    if (check.command) options.onStart?.(check);
    const outcome = await runCheck(root, check, options);
    options.onDone?.(outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Every check as not run, for `--no-checks`. */
export function skippedChecks(checks: readonly PlannedCheck[], reason = "skipped with --no-checks"): CheckOutcome[] {
  return checks.map((check) => ({
    name: check.name,
    label: check.label,
    result: "not_run",
    ...(check.command ? { command: check.command } : {}),
    reason,
    output: "",
  }));
}
