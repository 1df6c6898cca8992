import { existsSync } from "node:fs";
import {
  listAgents,
  refreshExistingStateFile,
  refreshGitState,
  statePath,
  type AgentInfo,
  type RepoPaths,
} from "@handoff/core";
import { errorText } from "./error-text.js";
import { refreshConfig } from "./refresh-config.js";
import { trackedAmong } from "./tracked-files.js";

export interface RefreshFailure {
  file: string;
  message: string;
}

export interface RefreshReport {
  /** State files rewritten with the current git state (repo-relative). */
  refreshed: string[];
  /** State files left alone because git tracks them: a hook never changes a tracked file. */
  tracked: string[];
  failed: RefreshFailure[];
  /** HEAD and branch the refreshed states were computed from; absent when nothing was read. */
  head?: string;
  branch?: string;
}

function oneAgentPerFile(agents: AgentInfo[]): AgentInfo[] {
  const byFile = new Map<string, AgentInfo>();
  for (const agent of agents) if (!byFile.has(agent.file)) byFile.set(agent.file, agent);
  return [...byFile.values()];
}

/**
 * Recomputes the git part of every agent state file that exists in the work tree, keeping task,
 * context and validation. Never creates a state file, and never writes one that git tracks.
 */
export async function refreshAgentStates(repo: RepoPaths): Promise<RefreshReport> {
  const report: RefreshReport = { refreshed: [], tracked: [], failed: [] };
  const agents = oneAgentPerFile(listAgents(await refreshConfig(repo.root)));
  const existing = agents.filter((agent) => existsSync(statePath(repo.root, agent)));
  if (existing.length === 0) return report;

  const tracked = await trackedAmong(repo.root, existing.map((agent) => agent.file));
  report.tracked = existing.filter((agent) => tracked.has(agent.file)).map((agent) => agent.file);
  const candidates = existing.filter((agent) => !tracked.has(agent.file));
  if (candidates.length === 0) return report;

  const { readGitSnapshot } = await import("./refresh-git-reader.js");
  const snapshot = await readGitSnapshot(repo);
  report.head = snapshot.freshness.head;
  report.branch = snapshot.branch ?? "";
  for (const agent of candidates) {
    try {
      const written = await refreshExistingStateFile(repo.root, agent, (state) => refreshGitState(state, snapshot));
      if (written) report.refreshed.push(agent.file);
    } catch (error) {
      report.failed.push({ file: agent.file, message: errorText(error) });
    }
  }
  return report;
}
