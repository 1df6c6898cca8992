import { existsSync } from "node:fs";
import path from "node:path";
import type { ConfigEdit } from "../project-config/edits.js";
import type { McpServerCommand } from "./server-command.js";

/** The name of handoff's server in every agent's configuration. */
export const SERVER_NAME = "handoff";

/** Where one agent reads project MCP servers, and the edits that add handoff's. */
export interface McpConfigFile {
  agent: string;
  /** Relative to the repository root. */
  file: string;
  format: "json" | "toml";
  /** The JSON path of handoff's entry (JSON), or the TOML table (`mcp_servers.handoff`). */
  entry: string[];
  /** The entry as it should be. */
  value: Record<string, unknown>;
  edits: ConfigEdit[];
}

const TOML_START = "# >>> handoff MCP server (`handoff mcp uninstall` removes this block)";
const TOML_END = "# <<< handoff MCP server";

const tomlString = (value: string) => JSON.stringify(value);

function jsonFile(agent: string, file: string, entry: string[], value: Record<string, unknown>): McpConfigFile {
  return { agent, file, format: "json", entry, value, edits: [{ kind: "json-set", path: entry, value }] };
}

/**
 * Each agent's project MCP file and its entry for handoff. Formats from each agent's docs:
 * - Claude Code: `.mcp.json`, `mcpServers.<name>` {type: "stdio", command, args}
 *   (https://code.claude.com/docs/en/mcp, "Project scope").
 * - Cursor: `.cursor/mcp.json`, `mcpServers.<name>` {command, args} (https://cursor.com/docs/mcp).
 * - VS Code / GitHub Copilot: `.vscode/mcp.json`, `servers.<name>` {type: "stdio", command, args}
 *   (https://code.visualstudio.com/docs/copilot/reference/mcp-configuration).
 * - Gemini CLI: `.gemini/settings.json`, `mcpServers.<name>` {command, args}
 *   (https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md;
 *   https://geminicli.com/docs/cli/configuration, "Project settings file").
 * - Codex CLI: `.codex/config.toml`, `[mcp_servers.<name>]` command, args; read for trusted
 *   projects (https://developers.openai.com/codex/mcp).
 * - OpenCode: `opencode.json` (or `opencode.jsonc`), `mcp.<name>` {type: "local", command: [...],
 *   enabled} (https://opencode.ai/docs/mcp-servers, "Local").
 */
export function mcpConfigFiles(root: string, server: McpServerCommand): McpConfigFile[] {
  const { command, args } = server;
  const opencode = !existsSync(path.join(root, "opencode.json")) && existsSync(path.join(root, "opencode.jsonc")) ? "opencode.jsonc" : "opencode.json";
  const toml = [`[mcp_servers.${SERVER_NAME}]`, `command = ${tomlString(command)}`, `args = [${args.map(tomlString).join(", ")}]`].join("\n");
  return [
    jsonFile("claude", ".mcp.json", ["mcpServers", SERVER_NAME], { type: "stdio", command, args }),
    jsonFile("cursor", ".cursor/mcp.json", ["mcpServers", SERVER_NAME], { command, args }),
    jsonFile("copilot", ".vscode/mcp.json", ["servers", SERVER_NAME], { type: "stdio", command, args }),
    jsonFile("gemini", ".gemini/settings.json", ["mcpServers", SERVER_NAME], { command, args }),
    {
      agent: "codex",
      file: ".codex/config.toml",
      format: "toml",
      entry: ["mcp_servers", SERVER_NAME],
      value: { command, args },
      edits: [{ kind: "text-block", start: TOML_START, end: TOML_END, body: toml }],
    },
    jsonFile("opencode", opencode, ["mcp", SERVER_NAME], { type: "local", command: [command, ...args], enabled: true }),
  ];
}
