import type { Violation } from "../schema/session-state.js";
import { displaySafe } from "../serialize/sanitize.js";

/** `app/page.tsx:3  STRICT  design-tokens  hardcoded text-gray-600  (use tokens from ...)`, safe to print. */
export function formatViolation(violation: Violation): string {
  const fix = violation.fix ? `  (${violation.fix})` : "";
  return displaySafe(`${violation.file}:${violation.line}  ${violation.severity}  ${violation.rule}  ${violation.message}${fix}`);
}

export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
