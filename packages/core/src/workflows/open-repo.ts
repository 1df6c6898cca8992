import { statSync } from "node:fs";
import path from "node:path";
import { getAgent, type AgentInfo } from "../agents/registry.js";
import { resolveRepo, type RepoPaths } from "../git/repo.js";
import { CONFIG_FILE } from "../config/file-name.js";
import type { HandoffConfig } from "../schema/config.js";

export interface OpenedRepo {
  repo: RepoPaths;
  config: HandoffConfig;
}

/** The repository around `cwd` and its handoff config. */
export async function openRepo(cwd: string): Promise<OpenedRepo> {
  const repo = await resolveRepo(cwd);
  return { repo, config: await configOf(repo.root) };
}

function hasConfigFile(root: string): boolean {
  try {
    return statSync(path.join(root, CONFIG_FILE), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // unreadable: loadConfig says why
  }
}

/** `loadConfig`, loaded (with zod behind it) only for a repository that has a config file. */
async function configOf(root: string): Promise<HandoffConfig> {
  if (!hasConfigFile(root)) return {};
  const { loadConfig } = await import("../config/load.js");
  return loadConfig(root);
}

export function agentIn(opened: OpenedRepo, name: string): AgentInfo {
  return getAgent(name, opened.config);
}
