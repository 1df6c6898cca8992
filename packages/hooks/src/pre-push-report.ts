import { countOf, formatSkippedFile, formatUncheckedRule, formatViolation, type RuleReport } from "@handoff/core/internal";

export type PrePushMode = "warn" | "block";

/** A push can carry thousands of findings; past this many per kind, the rest are counted. */
const MAX_LISTED = 50;

function listed<T>(items: readonly T[], format: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map((item) => `  ${format(item)}`);
  const rest = items.length - MAX_LISTED;
  if (rest > 0) lines.push(`  ... and ${rest} more (run \`handoff validate\` for the full list)`);
  return lines;
}

/** What the rules could not look at: never blocking, but never silent, so that no rule is bypassed unnoticed. */
function notCheckedLines(report: RuleReport): string[] {
  const lines = report.unchecked.map((unchecked) => `handoff: ${formatUncheckedRule(unchecked)}`);
  if (report.skipped.length) {
    lines.push(
      `handoff: ${countOf(report.skipped.length, "file")} in the commits being pushed could not be checked by the rules:`,
      ...listed(report.skipped, formatSkippedFile),
    );
  }
  if (lines.length) lines.push("handoff: the push goes ahead for what could not be checked; look at it yourself");
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
    lines.push(`handoff: ${countOf(strict.length, "STRICT rule violation")} in the commits being pushed:`, ...listed(strict, formatViolation));
  }
  if (flexible.length) {
    lines.push(`handoff: ${countOf(flexible.length, "FLEXIBLE rule note")} (notes only, never blocking):`, ...listed(flexible, formatViolation));
  }
  lines.push(...notCheckedLines(report));
  if (strict.length === 0) return { lines, block: false };
  if (mode === "block") {
    lines.push(
      'handoff: push blocked ("prePush": "block" in handoff.config.json). Fix the violations above, or skip this check once with:',
      "  HANDOFF_SKIP=1 git push      (or: git push --no-verify)",
    );
    return { lines, block: true };
  }
  lines.push('handoff: the push goes ahead ("prePush": "warn"); set "prePush": "block" in handoff.config.json to stop such pushes');
  return { lines, block: false };
}
