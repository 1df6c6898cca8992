import { BUILT_IN_AGENT_NAMES, TASK_PRIORITIES, TASK_STATUSES } from "@handoff/core";
import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
// At run time this is dist/vendor/mcp-sdk.cjs, which has only the builders src/vendor/mcp-sdk.ts lists.
import * as z from "zod/v4";
import packageJson from "../../package.json" with { type: "json" };
import { agentsWithState } from "./agents-with-state.js";
import type { TextKind } from "./handlers.js";
import { lazyValidator } from "./lazy-validator.js";
import { FIELD_TEXT, notOneOf, PROMPT_TEXT, RESOURCE_TEXT, SERVER_INSTRUCTIONS, TOOL_TEXT } from "../messages/mcp.js";

/**
 * What the tools, resources and prompts run: loaded on the first call, so that the answer to
 * `initialize` waits for no git library, no redaction rules and no schema of ours.
 */
const handlers = () => import("./handlers.js");

const FORMATS = ["view", "prompt", "json"] as const;

/**
 * Bounds on what one call may write: a state file is read back only up to 5 MB (core's
 * MAX_STATE_BYTES), so an agent's runaway text must not make it unreadable for the next one.
 */
const LIMITS = { text: 10_000, name: 200, steps: 100, step: 2_000 } as const;
const boundedText = (field: string, max: number) => z.string().min(1, `${field} must not be empty`).max(max, `${field} must be at most ${max} characters`);

/** Agent names to complete: those with a state here, else the built-in ones. */
async function agentNames(cwd: string, prefix: string): Promise<string[]> {
  const withState = (await agentsWithState(cwd)).map((agent) => agent.name);
  return (withState.length ? withState : [...BUILT_IN_AGENT_NAMES]).filter((name) => name.startsWith(prefix));
}

const agentField = (description: string) =>
  z.string({ error: "agent must be a string, e.g. claude" }).min(1, "agent must not be empty").max(LIMITS.name, `agent must be at most ${LIMITS.name} characters`).describe(description);
const enumField = <T extends readonly [string, ...string[]]>(field: string, values: T, description: string) =>
  z.enum(values, { error: (issue) => notOneOf(field, values, issue.input) }).describe(description);

/** A resource's or prompt's text; a failure is a JSON-RPC error with the CLI's message and hint. */
async function text(kind: TextKind, cwd: string, agent: unknown): Promise<string> {
  const answer = await (await handlers()).textFor(kind, cwd, String(agent));
  if (!answer.ok) throw new McpError(ErrorCode.InvalidParams, answer.error);
  return answer.text;
}

/** The handoff MCP server for the repository around `cwd`: four tools, two resources, two prompts. */
export function createServer(cwd: string, onSaved: () => void): McpServer {
  const server = new McpServer({ name: "handoff", version: packageJson.version }, { instructions: SERVER_INSTRUCTIONS, jsonSchemaValidator: lazyValidator() });

  server.registerTool("handoff_status", { ...TOOL_TEXT.status, inputSchema: {}, annotations: { readOnlyHint: true } }, async () =>
    (await handlers()).TOOLS.handoff_status(cwd),
  );

  server.registerTool(
    "handoff_restore",
    {
      ...TOOL_TEXT.restore,
      inputSchema: {
        agent: agentField(FIELD_TEXT.agent),
        format: enumField("format", FORMATS, FIELD_TEXT.format).default("view"),
        max_tokens: z.number().int().positive("max_tokens must be a positive whole number").optional().describe(FIELD_TEXT.maxTokens),
      },
    },
    async (input) => (await handlers()).TOOLS.handoff_restore(cwd, input),
  );

  server.registerTool(
    "handoff_save",
    {
      ...TOOL_TEXT.save,
      inputSchema: {
        agent: agentField(FIELD_TEXT.agent),
        task: boundedText("task", LIMITS.text).optional().describe(FIELD_TEXT.task),
        status: enumField("status", TASK_STATUSES, FIELD_TEXT.status).optional(),
        priority: enumField("priority", TASK_PRIORITIES, FIELD_TEXT.priority).optional(),
        next_steps: z
          .array(boundedText("a next step", LIMITS.step))
          .max(LIMITS.steps, `next_steps must have at most ${LIMITS.steps} steps`)
          .optional()
          .describe(FIELD_TEXT.nextSteps),
        reason: boundedText("reason", LIMITS.text).optional().describe(FIELD_TEXT.reason),
        model: boundedText("model", LIMITS.name).optional().describe(FIELD_TEXT.model),
      },
      annotations: { destructiveHint: false, idempotentHint: false },
    },
    async (input) => {
      const result = await (await handlers()).TOOLS.handoff_save(cwd, input);
      onSaved();
      return result;
    },
  );

  server.registerTool(
    "handoff_validate",
    {
      ...TOOL_TEXT.validate,
      inputSchema: {
        agent: agentField(FIELD_TEXT.validateAgent).optional(),
        checks: z.boolean({ error: "checks must be true or false" }).optional().describe(FIELD_TEXT.checks),
      },
    },
    async (input) => (await handlers()).TOOLS.handoff_validate(cwd, input),
  );

  const complete = { agent: (prefix: string) => agentNames(cwd, prefix) };
  for (const kind of ["state", "prompt"] as const) {
    const list = async () => ({
      resources: (await agentsWithState(cwd)).map((agent) => ({
        uri: `handoff://${kind}/${agent.name}`,
        name: `${agent.name}-${kind}`,
        title: `${agent.label}: ${RESOURCE_TEXT[kind].title}`,
        mimeType: RESOURCE_TEXT[kind].mimeType,
      })),
    });
    server.registerResource(kind, new ResourceTemplate(`handoff://${kind}/{agent}`, { list, complete }), RESOURCE_TEXT[kind], async (uri, { agent }) => ({
      contents: [{ uri: uri.href, mimeType: RESOURCE_TEXT[kind].mimeType, text: await text(kind, cwd, agent) }],
    }));
  }

  const promptAgent = (description: string) => completable(agentField(description), (prefix) => agentNames(cwd, prefix ?? ""));
  const userMessage = (content: string) => ({ messages: [{ role: "user" as const, content: { type: "text" as const, text: content } }] });
  server.registerPrompt("restore", { ...PROMPT_TEXT.restore, argsSchema: { agent: promptAgent(FIELD_TEXT.promptFrom) } }, async ({ agent }) =>
    userMessage(await text("prompt", cwd, agent)),
  );
  server.registerPrompt("escalate", { ...PROMPT_TEXT.escalate, argsSchema: { agent: promptAgent(FIELD_TEXT.escalateFrom) } }, async ({ agent }) =>
    userMessage(await text("escalate", cwd, agent)),
  );

  return server;
}
