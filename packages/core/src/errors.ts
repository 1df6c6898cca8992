/** Stable codes: tools may branch on them, so never rename one. */
export type HandoffErrorCode =
  | "E_NOT_GIT_REPO"
  | "E_BARE_REPO"
  | "E_GIT"
  | "E_UNKNOWN_AGENT"
  | "E_STATE_NOT_FOUND"
  | "E_STATE_INVALID_JSON"
  | "E_STATE_SCHEMA"
  | "E_STATE_TOO_LARGE"
  | "E_CONFIG_INVALID"
  | "E_SYMLINK"
  | "E_LOCK_TIMEOUT"
  | "E_UNSAFE_ARGUMENT"
  | "E_NOT_A_FOLDER"
  | "E_NOT_A_REGULAR_FILE"
  | "E_FILE_TOO_LARGE"
  /** An agent's project configuration file (hooks, MCP) that handoff cannot edit safely. */
  | "E_AGENT_CONFIG_INVALID";

export interface HandoffErrorOptions {
  /** The file the error is about, when there is one. */
  file?: string;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

const HANDOFF_ERROR: unique symbol = Symbol.for("@handoff/core:HandoffError");

/** The one error type @handoff/core throws; `code` is stable, `message` is for people. */
export class HandoffError extends Error {
  /** A build split into files carries a copy of this class in each: `instanceof` goes by a brand. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && HANDOFF_ERROR in value;
  }

  readonly [HANDOFF_ERROR] = true;
  readonly code: HandoffErrorCode;
  readonly file: string | undefined;
  readonly hint: string | undefined;

  constructor(code: HandoffErrorCode, message: string, options: HandoffErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "HandoffError";
    this.code = code;
    this.file = options.file;
    this.hint = options.hint;
  }
}

export function isHandoffError(error: unknown, code?: HandoffErrorCode): error is HandoffError {
  return error instanceof HandoffError && (code === undefined || error.code === code);
}
