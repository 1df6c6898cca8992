import { loadSession, redactText, renderPromptWithinBudget } from "@handoff/core";
import { answer, errorResult, redactedResult, type ToolResult } from "./result.js";
import { restoreTool, type RestoreInput } from "./tools/restore.js";
import { saveTool, type SaveToolInput } from "./tools/save.js";
import { statusTool } from "./tools/status.js";
import { validateTool, type ValidateToolInput } from "./tools/validate.js";

export const TOOLS = {
  handoff_status: (cwd: string) => answer(async () => redactedResult(await statusTool(cwd))),
  handoff_restore: (cwd: string, input: RestoreInput) =>
    answer(async () => {
      const { notes, ...result } = await restoreTool(cwd, input);
      return redactedResult(result, notes);
    }),
  handoff_save: (cwd: string, input: SaveToolInput) =>
    answer(async () => {
      const { notes, ...result } = await saveTool(cwd, input);
      return redactedResult(result, notes);
    }),
  handoff_validate: (cwd: string, input: ValidateToolInput) =>
    answer(async () => {
      const { notes, ...result } = await validateTool(cwd, input);
      return redactedResult(result, notes);
    }),
} satisfies Record<string, (cwd: string, input: never) => Promise<ToolResult>>;

/** The texts behind the resources and prompts, redacted: the restore JSON, the prompt, the escalation. */
export type TextKind = "state" | "prompt" | "escalate";

async function plainText(kind: TextKind, cwd: string, agent: string): Promise<string> {
  if (kind === "escalate") {
    const loaded = await loadSession({ cwd, agent });
    return renderPromptWithinBudget(loaded.state, { maxTokens: loaded.agent.maxTokens, scenario: "escalation" }).prompt;
  }
  return (await restoreTool(cwd, { agent, format: kind === "state" ? "json" : "prompt" })).text;
}

export type TextAnswer = { ok: true; text: string } | { ok: false; error: string };

export async function textFor(kind: TextKind, cwd: string, agent: string): Promise<TextAnswer> {
  try {
    return { ok: true, text: (await redactText(await plainText(kind, cwd, agent))).value };
  } catch (error) {
    return { ok: false, error: (await errorResult(error)).content[0]!.text };
  }
}
