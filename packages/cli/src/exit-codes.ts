import type { HandoffErrorCode } from "@handoff/core";
import type { CliErrorCode } from "./errors.js";

/** What the bin's exit codes mean: the README and `handoff --help` say the same. */
export const EXIT = { ok: 0, needsAction: 1, usage: 2 } as const;

/**
 * The one table from an error code to an exit code. Codes not listed exit with 1 ("something
 * needs your action"); a code that exits with 2 also prints the command's usage.
 */
const EXIT_CODES: Partial<Record<HandoffErrorCode | CliErrorCode, number>> = {
  E_USAGE: EXIT.usage,
  E_UNKNOWN_AGENT: EXIT.usage,
};

export function exitCodeOf(code: HandoffErrorCode | CliErrorCode): number {
  return EXIT_CODES[code] ?? EXIT.needsAction;
}
