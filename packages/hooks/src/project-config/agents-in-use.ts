import path from "node:path";
import { findExecutable, HandoffError } from "@handoff/core/internal";
import { isRealFolder } from "../fs-checks.js";
import { agentsHint, inUseExecutable, inUseFolder, NAMED_WITH_AGENTS, NO_AGENT_NAMED, unknownAgents } from "../messages.js";

/** How to tell that an agent is used in a project: its project folder, or its CLI on PATH. */
export interface AgentPresence {
  agent: string;
  /** Folders at the repository root that only this agent creates (`.claude`). */
  folders: readonly string[];
  /** Names of its CLI (`claude`), looked up on PATH. */
  executables: readonly string[];
}

/**
 * The agents handoff writes project configuration for, and how each shows it is in use. The CLI
 * names are those of the agent registry (packages/core/src/agents/registry.ts).
 */
export const PROJECT_AGENTS: readonly AgentPresence[] = [
  { agent: "claude", folders: [".claude"], executables: ["claude"] },
  { agent: "codex", folders: [".codex"], executables: ["codex"] },
  { agent: "gemini", folders: [".gemini"], executables: ["gemini"] },
  { agent: "opencode", folders: [".opencode"], executables: ["opencode"] },
  { agent: "cursor", folders: [".cursor"], executables: ["cursor-agent"] },
  { agent: "copilot", folders: [".github"], executables: ["copilot"] },
  { agent: "windsurf", folders: [".windsurf"], executables: ["windsurf"] },
  { agent: "kiro", folders: [".kiro"], executables: ["kiro-cli"] },
  { agent: "qwen", folders: [".qwen"], executables: ["qwen"] },
  { agent: "amp", folders: [".amp"], executables: ["amp"] },
  { agent: "cline", folders: [".cline", ".clinerules"], executables: ["cline"] },
  { agent: "aider", folders: [".aider"], executables: ["aider"] },
];

/** Why an agent counts as in use. */
export type AgentInUseReason = { kind: "folder"; folder: string } | { kind: "executable"; path: string } | { kind: "named" };

export interface AgentInUse {
  agent: string;
  reason: AgentInUseReason;
}

export interface AgentsInUseOptions {
  /** The repository root. */
  root: string;
  /** The `--agents` value: "claude,codex", or "all". Absent: detect. */
  requested?: string;
  /** The agents to consider, in the order results are given; PROJECT_AGENTS by default. */
  candidates?: readonly AgentPresence[];
  /** Where PATH is read from; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The names in an `--agents` value ("claude,codex", "all"), in the candidates' order. An unknown
 * name is an error that lists the known ones.
 */
export function parseAgentsOption(value: string, candidates: readonly AgentPresence[] = PROJECT_AGENTS): string[] {
  const known = candidates.map((candidate) => candidate.agent);
  const names = value
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes("all")) return known;
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length || names.length === 0) {
    throw new HandoffError(
      "E_UNKNOWN_AGENT",
      names.length === 0 ? NO_AGENT_NAMED : unknownAgents(unknown),
      { hint: agentsHint(known) },
    );
  }
  return known.filter((name) => names.includes(name));
}

/**
 * The agents in use in the repository at `root`: exactly those named by `requested` when given,
 * otherwise each candidate whose project folder exists at the root or whose CLI is on PATH.
 */
export function agentsInUse(options: AgentsInUseOptions): AgentInUse[] {
  const candidates = options.candidates ?? PROJECT_AGENTS;
  if (options.requested !== undefined) {
    return parseAgentsOption(options.requested, candidates).map((agent) => ({ agent, reason: { kind: "named" } }));
  }
  const found: AgentInUse[] = [];
  for (const candidate of candidates) {
    const folder = candidate.folders.find((name) => isRealFolder(path.join(options.root, name)));
    if (folder) {
      found.push({ agent: candidate.agent, reason: { kind: "folder", folder } });
      continue;
    }
    for (const name of candidate.executables) {
      const executable = findExecutable(name, options.env);
      if (executable) {
        found.push({ agent: candidate.agent, reason: { kind: "executable", path: executable } });
        break;
      }
    }
  }
  return found;
}

/** "folder .claude/", "claude on PATH", "named with --agents": for install reports. */
export function describeReason(reason: AgentInUseReason): string {
  if (reason.kind === "folder") return inUseFolder(reason.folder);
  if (reason.kind === "executable") return inUseExecutable(path.basename(reason.path));
  return NAMED_WITH_AGENTS;
}
