import { countOf, formatViolation, type RuleReport, type Violation } from "@handoff/core";

export type PrePushMode = "warn" | "block";

/** A push can carry thousands of findings; past this many per kind, the rest are counted. */
const MAX_LISTED = 50;

function listed(violations: readonly Violation[]): string[] {
  const lines = violations.slice(0, MAX_LISTED).map((violation) => `  ${formatViolation(violation)}`);
  const rest = violations.length - MAX_LISTED;
  if (rest > 0) lines.push(`  ... and ${rest} more (run \`handoff validate\` for the full list)`);
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
    lines.push(`handoff: ${countOf(strict.length, "STRICT rule violation")} in the commits being pushed:`, ...listed(strict));
  }
  if (flexible.length) {
    lines.push(`handoff: ${countOf(flexible.length, "FLEXIBLE rule note")} (notes only, never blocking):`, ...listed(flexible));
  }
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
