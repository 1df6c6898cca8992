import path from "node:path";
import { CONFIG_FILE } from "../config/file-name.js";
import { HandoffError } from "../errors.js";
import type { HandoffConfig } from "../schema/config.js";
import { stateFileOutside, stateFilePathHint, stateFileReserved, unknownAgent, unknownAgentHint } from "../messages.js";

export interface AgentInfo {
  /** The name used on the command line: `handoff save <name>`. */
  name: string;
  label: string;
  /** The state file, relative to the repository root, with forward slashes. */
  file: string;
  /**
   * Where `file` was set, for errors: `agents.claude.file` (or `agents.claude` for the short form);
   * undefined for a built-in agent's own default.
   */
  fileField?: string;
  /** The agent's own CLI, for `switch --launch`; absent for editor-only agents. */
  command?: string;
  /**
   * How `switch --launch` passes the prompt to `command`: "{prompt}" stands for it.
   * Absent: the prompt is the only argument. Empty: the CLI takes no prompt, so it is started bare.
   */
  promptArgs?: string[];
  /** The prompt budget in tokens when this agent is the one receiving the handoff. */
  maxTokens: number;
  builtIn: boolean;
}

const DEFAULT_MAX_TOKENS = 8000;

type BuiltIn = Omit<AgentInfo, "name" | "builtIn" | "maxTokens"> & { maxTokens?: number };

/** The spec's three agents first, then the agents developers commonly switch between. */
const BUILT_IN: Record<string, BuiltIn> = {
  claude: { label: "Claude Code", file: ".claude/.session-state.json", command: "claude", maxTokens: 16000 },
  opencode: { label: "OpenCode", file: ".opencode/.session-state.json", command: "opencode", promptArgs: ["--prompt", "{prompt}"] },
  copilot: { label: "GitHub Copilot", file: ".github/copilot-session-state.json", command: "copilot", promptArgs: ["-i", "{prompt}"] },
  codex: { label: "Codex CLI", file: ".codex/.session-state.json", command: "codex", maxTokens: 16000 },
  gemini: { label: "Gemini CLI", file: ".gemini/.session-state.json", command: "gemini", maxTokens: 16000, promptArgs: ["-i", "{prompt}"] },
  cursor: { label: "Cursor", file: ".cursor/.session-state.json", command: "cursor-agent" },
  aider: { label: "Aider", file: ".aider/.session-state.json", command: "aider", promptArgs: [] },
  cline: { label: "Cline", file: ".cline/.session-state.json", command: "cline" },
  windsurf: { label: "Windsurf", file: ".windsurf/.session-state.json" },
  amp: { label: "Amp", file: ".amp/.session-state.json", command: "amp", promptArgs: [] },
  kiro: { label: "Kiro", file: ".kiro/.session-state.json", command: "kiro-cli", promptArgs: ["chat", "{prompt}"] },
  qwen: { label: "Qwen Code", file: ".qwen/.session-state.json", command: "qwen", promptArgs: ["-i", "{prompt}"] },
  roo: { label: "Roo Code", file: ".roo/.session-state.json" },
  goose: { label: "Goose", file: ".goose/.session-state.json", command: "goose", promptArgs: ["run", "--interactive", "--text", "{prompt}"] },
  crush: { label: "Crush", file: ".crush/.session-state.json", command: "crush", promptArgs: [] },
  droid: { label: "Factory Droid", file: ".factory/.session-state.json", command: "droid", promptArgs: [] },
  kimi: { label: "Kimi CLI", file: ".kimi/.session-state.json", command: "kimi", promptArgs: [] },
  antigravity: { label: "Antigravity", file: ".antigravity/.session-state.json" },
};

export const BUILT_IN_AGENT_NAMES: readonly string[] = Object.keys(BUILT_IN);

/** "Claude Code" for "claude"; the name itself for an agent that is not built in. */
export function agentLabel(name: string): string {
  return BUILT_IN[name]?.label ?? name;
}

/**
 * Names git itself reads in a work tree: a state file there (or under a `.git` of any case, or
 * git's NTFS short name `git~1`) would overwrite git's data or change how git behaves.
 */
const GIT_NAMES = new Set([".git", "git~1", ".gitignore", ".gitattributes", ".gitmodules", ".mailmap", CONFIG_FILE]);

function reservedPart(normalized: string): string | undefined {
  // Windows drops trailing dots and spaces: ".git. " is ".git" there.
  return normalized.split("/").find((part) => GIT_NAMES.has(part.toLowerCase().replace(/[. ]+$/, "")));
}

function checkRelativeFile(name: string, file: string, field: string): string {
  const normalized = path.posix.normalize(file.replaceAll("\\", "/"));
  const outside = path.posix.isAbsolute(normalized) || normalized === ".." || normalized.startsWith("../");
  // "." or "dir/" names a folder: the state file would take its place, and the folder be moved aside.
  const folder = normalized === "." || normalized.endsWith("/");
  const hint = stateFilePathHint(name);
  if (outside || folder) {
    throw new HandoffError("E_CONFIG_INVALID", stateFileOutside(field, file), {
      file: CONFIG_FILE,
      hint,
    });
  }
  const reserved = reservedPart(normalized);
  if (reserved) {
    throw new HandoffError("E_CONFIG_INVALID", stateFileReserved(field, file, reserved), {
      file: CONFIG_FILE,
      hint,
    });
  }
  return normalized;
}

/** Every agent known in this repository: the built-in ones, then those of `handoff.config.json`. */
export function listAgents(config: HandoffConfig = {}): AgentInfo[] {
  const agents = new Map<string, AgentInfo>();
  for (const [name, entry] of Object.entries(BUILT_IN)) {
    agents.set(name, { name, builtIn: true, maxTokens: DEFAULT_MAX_TOKENS, ...entry });
  }
  for (const [name, entry] of Object.entries(config.agents ?? {})) {
    const base = agents.get(name);
    const given = typeof entry === "string" ? { file: entry } : entry;
    const fileField = typeof entry === "string" ? `agents.${name}` : `agents.${name}.file`;
    agents.set(name, {
      name,
      builtIn: base?.builtIn ?? false,
      label: given.label ?? base?.label ?? name,
      file: checkRelativeFile(name, given.file, fileField),
      fileField,
      command: given.command ?? base?.command,
      promptArgs: given.command === undefined ? base?.promptArgs : undefined,
      maxTokens: given.maxTokens ?? base?.maxTokens ?? DEFAULT_MAX_TOKENS,
    });
  }
  return [...agents.values()];
}

export function getAgent(name: string, config: HandoffConfig = {}): AgentInfo {
  const agents = listAgents(config);
  const found = agents.find((agent) => agent.name === name);
  if (!found) {
    throw new HandoffError("E_UNKNOWN_AGENT", unknownAgent(name), {
      hint: unknownAgentHint(agents.map((agent) => agent.name)),
    });
  }
  return found;
}
