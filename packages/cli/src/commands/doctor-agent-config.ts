import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { mentionsHandoff, parseJsonc, readCapped } from "./doctor-read.js";
import { notValidJson } from "../messages/doctor.js";

/**
 * Where each agent reads its project hooks and MCP servers, and the key that holds them. doctor
 * only reads these files (as untrusted input) and looks for an entry that names handoff; the
 * agent-hook and MCP installers are what write them.
 * - Claude Code: hooks under "hooks" in .claude/settings.json (https://docs.claude.com/en/docs/claude-code/hooks);
 *   project MCP servers under "mcpServers" in .mcp.json.
 * - VS Code / Copilot: .vscode/mcp.json has a top-level "servers" object, .mcp.json "mcpServers"
 *   (https://code.visualstudio.com/docs/agents/reference/mcp-configuration).
 * - Cursor: .cursor/hooks.json `{ "version": 1, "hooks": { ... } }` (https://cursor.com/docs/agent/hooks); .cursor/mcp.json "mcpServers".
 * - OpenCode: MCP servers under "mcp" in opencode.json(c) (https://opencode.ai/docs/mcp-servers/); plugins in .opencode/plugin(s)/.
 * - Gemini CLI: "hooks" and "mcpServers" in .gemini/settings.json.
 * - Codex: <repo>/.codex/hooks.json or inline [hooks] tables in <repo>/.codex/config.toml
 *   (https://developers.openai.com/codex/hooks); MCP servers as [mcp_servers.<name>] tables there.
 * - Copilot CLI and cloud agent: any .github/hooks/*.json file, `{ "version": 1, "hooks": { ... } }`
 *   (https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference).
 */
interface ConfigSource {
  file: string;
  /** The JSON key that holds the entries; undefined for a TOML file or a folder, searched as text. */
  key?: string;
  kind: "json" | "toml" | "folder";
}

interface AgentWiring {
  agent: string;
  hooks: ConfigSource[];
  mcp: ConfigSource[];
}

export const AGENT_WIRING: readonly AgentWiring[] = [
  { agent: "claude", hooks: [{ file: ".claude/settings.json", key: "hooks", kind: "json" }], mcp: [{ file: ".mcp.json", key: "mcpServers", kind: "json" }] },
  {
    agent: "codex",
    hooks: [{ file: ".codex/hooks.json", key: "hooks", kind: "json" }, { file: ".codex/config.toml", kind: "toml" }],
    mcp: [{ file: ".codex/config.toml", kind: "toml" }],
  },
  { agent: "gemini", hooks: [{ file: ".gemini/settings.json", key: "hooks", kind: "json" }], mcp: [{ file: ".gemini/settings.json", key: "mcpServers", kind: "json" }] },
  {
    agent: "opencode",
    hooks: [{ file: ".opencode/plugin", kind: "folder" }, { file: ".opencode/plugins", kind: "folder" }],
    mcp: [{ file: "opencode.json", key: "mcp", kind: "json" }, { file: "opencode.jsonc", key: "mcp", kind: "json" }],
  },
  { agent: "cursor", hooks: [{ file: ".cursor/hooks.json", key: "hooks", kind: "json" }], mcp: [{ file: ".cursor/mcp.json", key: "mcpServers", kind: "json" }] },
  {
    agent: "copilot",
    hooks: [{ file: ".github/hooks/handoff.json", key: "hooks", kind: "json" }, { file: ".github/hooks", kind: "folder" }],
    mcp: [{ file: ".vscode/mcp.json", key: "servers", kind: "json" }, { file: ".mcp.json", key: "mcpServers", kind: "json" }],
  },
];

export type Wired = { state: "yes"; file: string } | { state: "no" } | { state: "unreadable"; file: string; reason: string };

/** A TOML file holds a handoff entry when a table or a line in it names handoff (`[mcp_servers.handoff]`, a hook command). */
function tomlMentions(text: string, part: "hooks" | "mcp"): boolean {
  const lines = text.split(/\r?\n/).filter((line) => !line.trimStart().startsWith("#"));
  return part === "mcp"
    ? lines.some((line) => /^\s*\[\s*mcp_servers\.("?)handoff\1\s*\]/.test(line))
    : lines.some((line) => /\bhandoff\b/.test(line) && !/^\s*\[\s*mcp_servers\./.test(line) && /hook|command|notify/i.test(line));
}

function folderMentions(root: string, folder: string): Wired {
  let names: string[];
  try {
    // A link to a folder elsewhere is not followed: only the repository's own files are read.
    if (!lstatSync(path.join(root, folder)).isDirectory()) return { state: "no" };
    names = readdirSync(path.join(root, folder)).slice(0, 200);
  } catch {
    return { state: "no" };
  }
  for (const name of names) {
    const file = `${folder}/${name}`;
    const read = readCapped(path.join(root, file));
    if (read.kind === "text" && (/handoff/i.test(name) || /\bhandoff\b/.test(read.text))) return { state: "yes", file };
  }
  return { state: "no" };
}

function sourceWired(root: string, source: ConfigSource, part: "hooks" | "mcp"): Wired {
  if (source.kind === "folder") return folderMentions(root, source.file);
  const read = readCapped(path.join(root, source.file));
  if (read.kind === "missing") return { state: "no" };
  if (read.kind === "unreadable") return { state: "unreadable", file: source.file, reason: read.reason };
  if (source.kind === "toml") return tomlMentions(read.text, part) ? { state: "yes", file: source.file } : { state: "no" };
  const parsed = parseJsonc(read.text);
  if (parsed.error) return { state: "unreadable", file: source.file, reason: notValidJson(parsed.error) };
  const section = typeof parsed.value === "object" && parsed.value !== null ? (parsed.value as Record<string, unknown>)[source.key!] : undefined;
  return mentionsHandoff(section) ? { state: "yes", file: source.file } : { state: "no" };
}

/** Whether any of the agent's known files registers handoff; an unreadable one is reported as such. */
export function wiredIn(root: string, sources: readonly ConfigSource[], part: "hooks" | "mcp"): Wired {
  let unreadable: Wired | undefined;
  for (const source of sources) {
    const wired = sourceWired(root, source, part);
    if (wired.state === "yes") return wired;
    if (wired.state === "unreadable") unreadable ??= wired;
  }
  return unreadable ?? { state: "no" };
}
