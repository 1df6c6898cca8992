import { lstatSync } from "node:fs";
import { listAgents, openRepo, statePath, type AgentInfo } from "@handoff/core";

/** The agents that have a state file here (whatever it holds); none outside a repository. */
export async function agentsWithState(cwd: string): Promise<AgentInfo[]> {
  let opened;
  try {
    opened = await openRepo(cwd);
  } catch {
    return [];
  }
  return listAgents(opened.config).filter((agent) => lstatSync(statePath(opened.repo.root, agent), { throwIfNoEntry: false }) !== undefined);
}
