import { countOf, formatSkippedFile, formatUncheckedRule, formatViolation, type RuleReport } from "@handoff/core/internal";
import { flexibleNotes, hookNote, moreNotListed, NOT_CHECKED_GOES_AHEAD, notCheckedFiles, PUSH_BLOCKED, PUSH_GOES_AHEAD, strictViolations } from "./messages.js";

export type PrePushMode = "warn" | "block";

/** A push can carry thousands of findings; past this many per kind, the rest are counted. */
const MAX_LISTED = 50;

function listed<T>(items: readonly T[], format: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map((item) => `  ${format(item)}`);
  const rest = items.length - MAX_LISTED;
  if (rest > 0) lines.push(moreNotListed(rest));
  return lines;
}

/** What the rules could not look at: never blocking, but never silent, so that no rule is bypassed unnoticed. */
function notCheckedLines(report: RuleReport): string[] {
  const lines = report.unchecked.map((unchecked) => hookNote(formatUncheckedRule(unchecked)));
  if (report.skipped.length) {
    lines.push(
      notCheckedFiles(countOf(report.skipped.length, "file")),
      ...listed(report.skipped, formatSkippedFile),
    );
  }
  if (lines.length) lines.push(NOT_CHECKED_GOES_AHEAD);
  return lines;
}

export interface PrePushVerdict {
  lines: string[];
  /** True when the push must stop: a STRICT violation with `"prePush": "block"`. */
  block: boolean;
}

/** What the hook prints: nothing for a clean push, else the violations and what happens next. */
export function prePushVerdict(report: RuleReport, mode: PrePushMode): PrePushVerdict {
  const strict = report.violations.filter((violation) => violation.severity === "STRICT");
  const flexible = report.violations.filter((violation) => violation.severity !== "STRICT");
  const lines: string[] = [];
  if (strict.length) {
    lines.push(strictViolations(countOf(strict.length, "STRICT rule violation")), ...listed(strict, formatViolation));
  }
  if (flexible.length) {
    lines.push(flexibleNotes(countOf(flexible.length, "FLEXIBLE rule note")), ...listed(flexible, formatViolation));
  }
  lines.push(...notCheckedLines(report));
  if (strict.length === 0) return { lines, block: false };
  if (mode === "block") {
    lines.push(...PUSH_BLOCKED);
    return { lines, block: true };
  }
  lines.push(PUSH_GOES_AHEAD);
  return { lines, block: false };
}
