/** `handoff validate` (and the MCP tool handoff_validate): the checks, the rules, where the results went. */
import { countOf } from "./common.js";

export const running = (label: string, command: string | undefined) => `⏳ Running ${label}: ${command}`;
export const CHECKS_TITLE = "Checks:";
export const CHECK_ICONS = { pass: "✅", fail: "❌", not_run: "⚠️ " } as const;
export const NOT_RUN = "not run";
export const exitCodeDetail = (code: number) => `exit code ${code}`;
export const checkLine = (icon: string, label: string, wording: string, details: string) => `${icon} ${label}: ${wording}${details ? ` (${details})` : ""}`;
export const checkOutputLine = (line: string) => `   │ ${line}`;

export const checkingRules = (count: number) => `⏳ Checking ${countOf(count, "rule")} over the tracked and staged files`;
export const binaryFiles = (count: number) => `${count} binary`;
export const tooLargeFiles = (count: number) => `${count} too large`;
export const skippedFiles = (count: number, parts: string[]) => `, ${countOf(count, "file")} skipped (${parts.join(", ")})`;
export const NO_RULES = "Rules: none configured (add STRICT and FLEXIBLE rules to handoff.config.json, see docs/rules.md)";
export const rulesChecked = (rules: number, files: number, skipped: string) => `Rules: ${countOf(rules, "rule")} over ${countOf(files, "file")}${skipped}`;
export const NO_VIOLATIONS = "✅ No rule violations";

export const RESULTS_TITLE = "Validation results:";
export const flexibleNotes = (count: number) => `ℹ️  FLEXIBLE rules: ${countOf(count, "note")} (never fail validation)`;
export const leftAsItWas = (file: string, reason: string) => `⚠️  ${file} was left as it was: ${reason}`;
export const NOTHING_TO_RECORD = "📝 No session state here to record the results in";
export const NOTHING_TO_RECORD_HINT = "   Run: handoff validate --agent <agent>   (or handoff save <agent> first)";
export const recordedFile = (file: string, created: boolean) => `${file}${created ? " (new)" : ""}`;
export const recordedIn = (files: string[]) => `📝 Recorded in ${files.join(", ")}`;
