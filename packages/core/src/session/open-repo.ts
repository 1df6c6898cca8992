import { getAgent, type AgentInfo } from "../agents/registry.js";
import { loadConfig } from "../config/load.js";
import { resolveRepo, type RepoPaths } from "../git/repo.js";
import type { HandoffConfig } from "../schema/config.js";

export interface OpenedRepo {
  repo: RepoPaths;
  config: HandoffConfig;
}

/** The repository around `cwd` and its handoff config. */
export async function openRepo(cwd: string): Promise<OpenedRepo> {
  const repo = await resolveRepo(cwd);
  return { repo, config: loadConfig(repo.root) };
}

export function agentIn(opened: OpenedRepo, name: string): AgentInfo {
  return getAgent(name, opened.config);
}
