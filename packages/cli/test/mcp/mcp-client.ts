import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ResourceListChangedNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { HANDOFF_BIN, testEnv } from "@handoff/test-utils";

export interface McpSession {
  client: Client;
  /** Transport or protocol errors the client saw: a stray line on stdout shows up here. */
  errors: Error[];
  /** How many notifications/resources/list_changed arrived. */
  listChanges(): number;
  stderr(): string;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** `handoff mcp` from the built bin, in `cwd`, driven by the SDK's own stdio client. */
export async function startMcp(cwd: string, env: Record<string, string> = {}): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [HANDOFF_BIN, "mcp"],
    cwd,
    env: testEnv({ HANDOFF_OFFLINE: "1", ...env }) as Record<string, string>,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "handoff-test", version: "1.0.0" });
  const errors: Error[] = [];
  client.onerror = (error) => errors.push(error);
  let changes = 0;
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
    changes++;
  });
  await client.connect(transport);
  return {
    client,
    errors,
    listChanges: () => changes,
    stderr: () => stderr,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

/** Waits (without a time limit of its own: vitest's test timeout is the bound) until `ready()` holds. */
export async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 50));
}
