import type { Violation } from "../schema/session-state.js";
import type { SkippedFile, UncheckedRule } from "./check-files.js";
import { RULE_TIME_BUDGET_MS } from "./matcher.js";
import { displaySafe } from "../util/sanitize.js";

/** `app/page.tsx:3  STRICT  design-tokens  hardcoded text-gray-600  (use tokens from ...)`, safe to print. */
export function formatViolation(violation: Violation): string {
  const fix = violation.fix ? `  (${violation.fix})` : "";
  return displaySafe(`${violation.file}:${violation.line}  ${violation.severity}  ${violation.rule}  ${violation.message}${fix}`);
}

export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `STRICT rule no-nested (^(a+)+$) was not checked: ...`: a rule that ran out of time, safe to print. */
export function formatUncheckedRule(unchecked: UncheckedRule): string {
  return displaySafe(
    `${unchecked.severity} rule ${unchecked.rule} was not checked: its pattern took over ${RULE_TIME_BUDGET_MS / 1000}s ` +
      `(at ${unchecked.file}); make it simpler (no nested repetition such as (a+)+), or drop lookarounds and backreferences so that it runs in linear time`,
  );
}

const SKIP_REASONS: Record<SkippedFile["reason"], string> = { binary: "binary or UTF-16", "too-large": "over the size limit" };

/** `docs/big.json (over the size limit)`: a file the rules could not read as text, safe to print. */
export function formatSkippedFile(file: SkippedFile): string {
  return displaySafe(`${file.path} (${SKIP_REASONS[file.reason]})`);
}
