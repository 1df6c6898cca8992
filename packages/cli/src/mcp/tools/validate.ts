import { formatViolation, validationLines, type Validation } from "@handoff/core/internal";
import validate from "../../commands/validate.js";
import type { ToolAnswer } from "../result.js";
import { runCommand } from "../run-command.js";

export interface ValidateToolInput {
  agent?: string;
  checks?: boolean;
}

interface ValidateJson {
  ok: boolean;
  validation: Validation;
  recorded: { file: string }[];
  not_recorded: { file: string; message: string }[];
}

function textOf(result: ValidateJson): string {
  const violations = result.validation.violations ?? [];
  return [
    result.ok ? "✅ Validation passed" : "❌ Validation failed",
    ...validationLines(result.validation),
    ...(violations.length ? ["", "Violations (file:line  severity  rule  message  (fix)):", ...violations.map(formatViolation)] : []),
    "",
    result.recorded.length ? `📝 Recorded in ${result.recorded.map(({ file }) => file).join(", ")}` : "📝 No session state here to record the results in",
    ...result.not_recorded.map(({ file, message }) => `⚠️  ${file} was left as it was: ${message}`),
  ].join("\n");
}

/** handoff_validate: `handoff validate --json [--agent a] [--no-checks]`, with the violations as text too. */
export async function validateTool(cwd: string, input: ValidateToolInput): Promise<ToolAnswer & { notes: string[] }> {
  const run = await runCommand(validate, cwd, { agent: input.agent, "no-checks": input.checks !== true, json: true });
  const result = run.value as ValidateJson;
  return { text: textOf(result), structured: result as unknown as Record<string, unknown>, notes: run.notes };
}
