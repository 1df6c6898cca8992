import { configOwners, filesEditedBy } from "../project-config/ledger.js";
import { HOOK_AGENTS, type HookAgent } from "./events.js";

/** The record owner of each agent's hook entries, and of the AGENTS.md block. */
export const OWNER_PREFIX = "agent-hooks:";
export const agentHooksOwner = (agent: HookAgent | "agents-md") => `${OWNER_PREFIX}${agent}`;

/** The agents whose hooks are installed in this work tree (by the record), with their files. */
export function installedAgentHooks(gitDir: string): { agent: HookAgent; files: string[] }[] {
  const owners = new Set(configOwners(gitDir));
  return HOOK_AGENTS.filter((agent) => owners.has(agentHooksOwner(agent))).map((agent) => ({
    agent,
    files: filesEditedBy(gitDir, agentHooksOwner(agent)),
  }));
}
