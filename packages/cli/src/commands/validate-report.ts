import {
  countOf,
  displaySafe,
  displaySafeLines,
  formatUncheckedRule,
  formatViolation,
  validationLines,
  type CheckOutcome,
  type RecordValidationResult,
  type RuleReport,
  type Validation,
} from "@handoff/core/internal";
import type { Output } from "../output.js";

const ICON = { pass: "✅", fail: "❌", not_run: "⚠️ " } as const;

/** `✅ TypeScript: pass (npm run typecheck)`, and the end of the output when the check failed. */
export function printCheck(out: Output, check: CheckOutcome): void {
  const wording = check.result === "not_run" ? "not run" : check.result;
  const details = [check.command, check.exitCode ? `exit code ${check.exitCode}` : undefined, check.reason]
    .filter(Boolean)
    .join(", ");
  out.line(out.tone(displaySafe(`${ICON[check.result]} ${check.label}: ${wording}${details ? ` (${details})` : ""}`)));
  if (check.result === "fail" && check.output) {
    for (const line of check.output.split("\n")) out.line(out.paint("dim", `   │ ${displaySafe(line)}`));
  }
}

function skippedNote(report: RuleReport): string {
  if (report.skipped.length === 0) return "";
  const binary = report.skipped.filter((file) => file.reason === "binary").length;
  const large = report.skipped.length - binary;
  const parts = [binary ? `${binary} binary` : "", large ? `${large} too large` : ""].filter(Boolean);
  return `, ${countOf(report.skipped.length, "file")} skipped (${parts.join(", ")})`;
}

/** The rules part: one `file:line  SEVERITY  rule-id  message  (fix)` line per violation. */
export function printRules(out: Output, report: RuleReport, ruleCount: number): void {
  if (ruleCount === 0) {
    out.line("Rules: none configured (add STRICT and FLEXIBLE rules to handoff.config.json, see docs/rules.md)");
    return;
  }
  out.line(`Rules: ${countOf(ruleCount, "rule")} over ${countOf(report.checkedFiles, "file")}${skippedNote(report)}`);
  for (const unchecked of report.unchecked) out.line(`⚠️  ${formatUncheckedRule(unchecked)}`);
  if (report.violations.length === 0) {
    out.line(out.tone("✅ No rule violations"));
    return;
  }
  for (const violation of report.violations) {
    const line = formatViolation(violation);
    out.line(violation.severity === "STRICT" ? out.paint("red", line) : out.paint("dim", line));
  }
}

/** The spec's `✅ TypeScript: pass` lines, then the FLEXIBLE count, which never fails validation. */
export function printSummary(out: Output, validation: Validation, report: RuleReport): void {
  out.line("Validation results:");
  for (const line of validationLines(validation)) out.line(out.tone(line));
  const notes = report.violations.filter((violation) => violation.severity === "FLEXIBLE").length;
  if (notes) out.line(`ℹ️  FLEXIBLE rules: ${countOf(notes, "note")} (never fail validation)`);
}

export function printRecorded(out: Output, result: RecordValidationResult): void {
  for (const { file, error } of result.failed) {
    // A schema error names each problem on a line of its own: the line breaks stay real.
    const [first = "", ...rest] = displaySafeLines(error.message);
    out.note(`⚠️  ${displaySafe(file)} was left as it was: ${first}`);
    for (const line of rest) out.note(`   ${line}`);
    if (error.hint) for (const line of displaySafeLines(error.hint)) out.note(`   ${line}`);
  }
  if (result.recorded.length === 0) {
    out.line("📝 No session state here to record the results in");
    out.line("   Run: handoff validate --agent <agent>   (or handoff save <agent> first)");
    return;
  }
  const files = result.recorded.map(({ file, created }) => `${file}${created ? " (new)" : ""}`);
  out.line(displaySafe(`📝 Recorded in ${files.join(", ")}`));
}
