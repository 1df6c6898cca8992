/**
 * Stable codes of the errors only the CLI raises (the rest are @handoff/core's HandoffErrorCode):
 * tools branch on them with `--json`, so never rename one.
 * - E_USAGE: the command line was wrong.
 * - E_FAILED: a command ended with a message of its own.
 * - E_IO: a system call failed (a file without read permission, say).
 * - E_UNEXPECTED: a bug: handoff failed in a way it did not foresee.
 */
export type CliErrorCode = "E_USAGE" | "E_FAILED" | "E_IO" | "E_UNEXPECTED";

// A program and the files it loads later (build/later-files.ts) each carry a copy of these
// classes, so `instanceof` goes by a brand shared through the global symbol registry.
const EXIT_ERROR: unique symbol = Symbol.for("@handoff/cli:ExitError");
const USAGE_ERROR: unique symbol = Symbol.for("@handoff/cli:UsageError");

function branded(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && brand in value;
}

/** Thrown by commands to end with an exit code; only the bin turns it into process.exitCode. */
export class ExitError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, EXIT_ERROR);
  }

  readonly [EXIT_ERROR] = true;

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
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, USAGE_ERROR);
  }

  readonly [USAGE_ERROR] = true;
  readonly code = "E_USAGE" satisfies CliErrorCode;

  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
