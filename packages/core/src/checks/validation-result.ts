import type { RuleReport } from "../rules/check-files.js";
import type { CheckResult, Validation, Violation } from "../schema/session-state.js";
import { isoTimestamp } from "../state/timestamp.js";
import type { CheckOutcome } from "./run-check.js";

/** A state file stays a few kilobytes: past this many, violations are counted, not listed. */
export const MAX_RECORDED_VIOLATIONS = 200;

export interface ValidationInput {
  checks: readonly CheckOutcome[];
  rules: RuleReport;
  /** How many STRICT rules the config has: with none, `strict_rules` stays `pending`. */
  strictRuleCount: number;
  now?: Date;
}

/**
 * `strict_rules`: `fail` with a STRICT violation, `pass` when STRICT rules ran and found none,
 * `not_run` when a STRICT rule could not be checked (its pattern ran out of time), and `pending`
 * when no STRICT rule is configured: nothing was checked, a person still has to look.
 */
export function strictRulesResult(strictRuleCount: number, violations: readonly Violation[], uncheckedStrict = false): CheckResult {
  if (violations.some((violation) => violation.severity === "STRICT")) return "fail";
  if (uncheckedStrict) return "not_run";
  return strictRuleCount === 0 ? "pending" : "pass";
}

/** The `validation` section of a session state, from one run of checks and rules. */
export function buildValidation(input: ValidationInput): Validation {
  const result = (name: CheckOutcome["name"]): CheckResult => input.checks.find((check) => check.name === name)?.result ?? "not_run";
  const { violations } = input.rules;
  const strictFirst = [
    ...violations.filter((violation) => violation.severity === "STRICT"),
    ...violations.filter((violation) => violation.severity !== "STRICT"),
  ];
  const omitted = strictFirst.length - MAX_RECORDED_VIOLATIONS;
  return {
    typescript: result("typescript"),
    eslint: result("eslint"),
    tests: result("tests"),
    strict_rules: strictRulesResult(
      input.strictRuleCount,
      violations,
      input.rules.unchecked.some((rule) => rule.severity === "STRICT"),
    ),
    violations: strictFirst.slice(0, MAX_RECORDED_VIOLATIONS),
    ...(omitted > 0 ? { violations_omitted: omitted } : {}),
    checked_at: isoTimestamp(input.now),
  };
}

/** Validation fails (exit 1) on a STRICT violation or a failed check; not run is not a failure. */
export function validationFailed(validation: Validation): boolean {
  return [validation.typescript, validation.eslint, validation.tests, validation.strict_rules].includes("fail");
}
