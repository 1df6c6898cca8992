import restore from "../../commands/restore.js";
import type { ToolAnswer } from "../result.js";
import { runCommand } from "../run-command.js";

export type RestoreFormat = "view" | "prompt" | "json";

export interface RestoreInput {
  agent: string;
  format: RestoreFormat;
  max_tokens?: number;
}

/** handoff_restore: what `handoff restore <agent> [--prompt | --json]` prints, and its notes. */
export async function restoreTool(cwd: string, input: RestoreInput): Promise<ToolAnswer & { notes: string[] }> {
  const run = await runCommand(
    restore,
    cwd,
    {
      json: input.format === "json" || undefined,
      prompt: input.format === "prompt" || undefined,
      "max-tokens": input.max_tokens === undefined ? undefined : String(input.max_tokens),
    },
    [input.agent],
  );
  if (input.format === "json") {
    return { text: JSON.stringify(run.value, null, 2), structured: { agent: input.agent, format: input.format, state: run.value }, notes: run.notes };
  }
  const text = run.lines.join("\n");
  return { text, structured: { agent: input.agent, format: input.format, text }, notes: run.notes };
}
