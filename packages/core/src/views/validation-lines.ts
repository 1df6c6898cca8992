import type { CheckResult, Validation } from "../schema/session-state.js";

const CHECKS = [
  ["typescript", "TypeScript"],
  ["eslint", "ESLint"],
  ["tests", "Tests"],
  ["strict_rules", "STRICT rules"],
] as const;

const ICON: Record<CheckResult, string> = { pass: "✅", fail: "❌", not_run: "⚠️ ", pending: "⏳" };
const WORDING: Record<CheckResult, string> = { pass: "pass", fail: "fail", not_run: "not run yet", pending: "pending" };

/** `✅ TypeScript: pass` lines, as in the spec's handoff output; checks never recorded are left out. */
export function validationLines(validation: Validation | undefined): string[] {
  const strictCount = validation?.violations?.filter((v) => v.severity === "STRICT").length ?? 0;
  return CHECKS.flatMap(([key, label]) => {
    const result = validation?.[key];
    if (!result) return [];
    const extra = key === "strict_rules" && strictCount > 0 ? ` (${strictCount} violation${strictCount === 1 ? "" : "s"})` : "";
    return [`${ICON[result]} ${label}: ${WORDING[result]}${extra}`];
  });
}
