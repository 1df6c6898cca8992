import { redactDeep, redactText } from "@handoff/core";
import { UsageError } from "../errors.js";
import { report } from "../main.js";
import { collectOutput } from "./collect-output.js";
import { errorLine } from "../messages/main.js";

/** A tool's answer: text for the model, and the same facts as structured content. */
export interface ToolAnswer {
  text: string;
  structured: Record<string, unknown>;
}

export interface ToolResult {
  [key: string]: unknown;
  content: { type: "text"; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** Everything that leaves through the server passes the redaction step, as `restore --prompt` does. */
export async function redactedResult(answer: ToolAnswer, notes: string[] = []): Promise<ToolResult> {
  const text = await redactText([...notes, answer.text].filter(Boolean).join("\n"));
  const structured = await redactDeep(answer.structured);
  return { content: [{ type: "text", text: text.value }], structuredContent: structured.value };
}

/** The CLI's own error lines (message and hint, made safe), as an MCP error result. */
export async function errorResult(error: unknown): Promise<ToolResult> {
  const out = collectOutput();
  if (error instanceof UsageError) out.note(errorLine(error.message));
  else await report({}, error, out);
  const code = (error as { code?: unknown }).code;
  const text = await redactText(out.notes.join("\n"));
  return {
    content: [{ type: "text", text: text.value }],
    structuredContent: { error: { code: typeof code === "string" ? code : "E_UNEXPECTED", message: text.value } },
    isError: true,
  };
}

/** Runs a tool body; any error becomes an error result, and the server goes on. */
export async function answer(body: () => Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await body();
  } catch (error) {
    return errorResult(error);
  }
}
