import { formatViolation, validationLines, type Validation } from "@handoff/core/internal";
import validate from "../../commands/validate.js";
import type { ToolAnswer } from "../result.js";
import { runCommand } from "../run-command.js";
import { VALIDATION_FAILED, VALIDATION_PASSED, VIOLATIONS_TITLE } from "../../messages/mcp.js";
import { leftAsItWas, NOTHING_TO_RECORD, recordedIn } from "../../messages/validate.js";

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
    result.ok ? VALIDATION_PASSED : VALIDATION_FAILED,
    ...validationLines(result.validation),
    ...(violations.length ? ["", VIOLATIONS_TITLE, ...violations.map(formatViolation)] : []),
    "",
    result.recorded.length ? recordedIn(result.recorded.map(({ file }) => file)) : NOTHING_TO_RECORD,
    ...result.not_recorded.map(({ file, message }) => leftAsItWas(file, message)),
  ].join("\n");
}

/** handoff_validate: `handoff validate --json [--agent a] [--no-checks]`, with the violations as text too. */
export async function validateTool(cwd: string, input: ValidateToolInput): Promise<ToolAnswer & { notes: string[] }> {
  const run = await runCommand(validate, cwd, { agent: input.agent, "no-checks": input.checks !== true, json: true });
  const result = run.value as ValidateJson;
  return { text: textOf(result), structured: result as unknown as Record<string, unknown>, notes: run.notes };
}
