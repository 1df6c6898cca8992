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

/** Bad usage: exit code 2, printed with the command's usage. */
export class UsageError extends ExitError {
  constructor(message: string) {
    super(2, message);
    this.name = "UsageError";
  }
}
