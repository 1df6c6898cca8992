import { isHandoffError, type HandoffError } from "@handoff/core";
import { agentsInUse, PROJECT_AGENTS, type AgentInUse } from "../project-config/agents-in-use.js";
import {
  configOwners,
  installConfigEdits,
  uninstallConfigEdits,
  type ConfigFileAction,
  type ConfigFileTarget,
} from "../project-config/config-files.js";
import type { ConfigEdit } from "../project-config/edits.js";
import { AGENTS_MD, agentsMdBlock } from "./agents-md.js";
import { AGENT_HOOK_CONTRACTS } from "./contracts.js";
import { isHookAgent, type HookAgent } from "./events.js";
import { forgetIndexCheck, rememberIndexCheck } from "./index-checked.js";
import { agentHooksOwner, OWNER_PREFIX } from "./installed.js";


export interface AgentHookChange {
  /** The agent, or "agents-md" for the AGENTS.md block. */
  agent: HookAgent | "agents-md";
  /** Relative to the repository root. */
  file: string;
  action: ConfigFileAction;
  /** Why the agent was set up (install only). */
  reason?: AgentInUse["reason"];
  error?: HandoffError;
}

export interface InstallAgentHooksOptions extends ConfigFileTarget {
  /** `--agents`: "claude,codex" or "all"; absent: the agents in use here. */
  agents?: string;
  env?: NodeJS.ProcessEnv;
}

const HOOK_PRESENCE = PROJECT_AGENTS.filter((presence) => isHookAgent(presence.agent));

/** The agents whose hooks `installAgentHooks` would write here. */
export function hookAgentsInUse(options: Pick<InstallAgentHooksOptions, "root" | "agents" | "env">): AgentInUse[] {
  return agentsInUse({ root: options.root, requested: options.agents, candidates: HOOK_PRESENCE, env: options.env });
}

async function install(target: ConfigFileTarget, agent: HookAgent | "agents-md", file: string, edits: ConfigEdit[], reason?: AgentInUse["reason"]): Promise<AgentHookChange> {
  try {
    const change = await installConfigEdits(target, agentHooksOwner(agent), file, edits);
    return { agent, file: change.file, action: change.action, reason };
  } catch (error) {
    if (!isHandoffError(error)) throw error;
    return { agent, file, action: "failed", reason, error };
  }
}

/**
 * Writes the hook configuration of each agent in use (or named) into the project, merged with
 * what is there, and the managed AGENTS.md block. A file that cannot be edited is reported as
 * "failed" with its error and left as it is; the others are still written.
 */
export async function installAgentHooks(options: InstallAgentHooksOptions): Promise<AgentHookChange[]> {
  const target = { root: options.root, gitDir: options.gitDir };
  const changes: AgentHookChange[] = [];
  for (const { agent, reason } of hookAgentsInUse(options)) {
    const contract = AGENT_HOOK_CONTRACTS[agent as HookAgent];
    changes.push(await install(target, contract.agent, contract.file(options.root), contract.edits(options.root), reason));
  }
  changes.push(await install(target, "agents-md", AGENTS_MD, [agentsMdBlock()]));
  // Asked afresh, even for the index already remembered (one rewritten in place: docs/agent-hooks.md).
  forgetIndexCheck(target.gitDir);
  await rememberIndexCheck(target);
  return changes;
}

/** Takes every agent hook and the AGENTS.md block out again, giving each file back as it was. */
export async function uninstallAgentHooks(target: ConfigFileTarget): Promise<AgentHookChange[]> {
  const changes: AgentHookChange[] = [];
  for (const owner of configOwners(target.gitDir).filter((name) => name.startsWith(OWNER_PREFIX))) {
    const agent = owner.slice(OWNER_PREFIX.length) as HookAgent | "agents-md";
    for (const change of await uninstallConfigEdits(target, owner)) changes.push({ agent, file: change.file, action: change.action, error: change.error });
  }
  forgetIndexCheck(target.gitDir);
  return changes;
}
