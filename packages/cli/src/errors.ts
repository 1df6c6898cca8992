/**
 * Stable codes of the errors only the CLI raises (the rest are @handoff/core's HandoffErrorCode):
 * tools branch on them with `--json`, so never rename one.
 * - E_USAGE: the command line was wrong.
 * - E_FAILED: a command ended with a message of its own.
 * - E_IO: a system call failed (a file without read permission, say).
 * - E_UNEXPECTED: a bug: handoff failed in a way it did not foresee.
 */
export type CliErrorCode = "E_USAGE" | "E_FAILED" | "E_IO" | "E_UNEXPECTED";

/** Thrown by commands to end with an exit code; only the bin turns it into process.exitCode. */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message = "",
  ) {
    super(message);
    this.name = "ExitError";
  }
}

/** Bad usage: printed with the command's usage; its exit code comes from the table in exit-codes.ts. */
export class UsageError extends Error {
  readonly code = "E_USAGE" satisfies CliErrorCode;

  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
