import {
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
import { warning } from "../messages/common.js";
import {
  binaryFiles,
  CHECK_ICONS,
  checkLine,
  checkOutputLine,
  exitCodeDetail,
  flexibleNotes,
  leftAsItWas,
  NO_RULES,
  NO_VIOLATIONS,
  NOT_RUN,
  NOTHING_TO_RECORD,
  NOTHING_TO_RECORD_HINT,
  recordedFile,
  recordedIn,
  RESULTS_TITLE,
  rulesChecked,
  skippedFiles,
  tooLargeFiles,
} from "../messages/validate.js";

/** `✅ TypeScript: pass (npm run typecheck)`, and the end of the output when the check failed. */
export function printCheck(out: Output, check: CheckOutcome): void {
  const wording = check.result === "not_run" ? NOT_RUN : check.result;
  const details = [check.command, check.exitCode ? exitCodeDetail(check.exitCode) : undefined, check.reason]
    .filter(Boolean)
    .join(", ");
  out.line(out.tone(displaySafe(checkLine(CHECK_ICONS[check.result], check.label, wording, details))));
  if (check.result === "fail" && check.output) {
    for (const line of check.output.split("\n")) out.line(out.paint("dim", checkOutputLine(displaySafe(line))));
  }
}

function skippedNote(report: RuleReport): string {
  if (report.skipped.length === 0) return "";
  const binary = report.skipped.filter((file) => file.reason === "binary").length;
  const large = report.skipped.length - binary;
  const parts = [binary ? binaryFiles(binary) : "", large ? tooLargeFiles(large) : ""].filter(Boolean);
  return skippedFiles(report.skipped.length, parts);
}

/** The rules part: one `file:line  SEVERITY  rule-id  message  (fix)` line per violation. */
export function printRules(out: Output, report: RuleReport, ruleCount: number): void {
  if (ruleCount === 0) {
    out.line(NO_RULES);
    return;
  }
  out.line(rulesChecked(ruleCount, report.checkedFiles, skippedNote(report)));
  for (const unchecked of report.unchecked) out.line(warning(formatUncheckedRule(unchecked)));
  if (report.violations.length === 0) {
    out.line(out.tone(NO_VIOLATIONS));
    return;
  }
  for (const violation of report.violations) {
    const line = formatViolation(violation);
    out.line(violation.severity === "STRICT" ? out.paint("red", line) : out.paint("dim", line));
  }
}

/** The spec's `✅ TypeScript: pass` lines, then the FLEXIBLE count, which never fails validation. */
export function printSummary(out: Output, validation: Validation, report: RuleReport): void {
  out.line(RESULTS_TITLE);
  for (const line of validationLines(validation)) out.line(out.tone(line));
  const notes = report.violations.filter((violation) => violation.severity === "FLEXIBLE").length;
  if (notes) out.line(flexibleNotes(notes));
}

export function printRecorded(out: Output, result: RecordValidationResult): void {
  for (const { file, error } of result.failed) {
    // A schema error names each problem on a line of its own: the line breaks stay real.
    const [first = "", ...rest] = displaySafeLines(error.message);
    out.note(leftAsItWas(displaySafe(file), first));
    for (const line of rest) out.note(`   ${line}`);
    if (error.hint) for (const line of displaySafeLines(error.hint)) out.note(`   ${line}`);
  }
  if (result.recorded.length === 0) {
    out.line(NOTHING_TO_RECORD);
    out.line(NOTHING_TO_RECORD_HINT);
    return;
  }
  const files = result.recorded.map(({ file, created }) => recordedFile(file, created));
  out.line(displaySafe(recordedIn(files)));
}
