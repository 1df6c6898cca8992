import { listAgents, type AgentInfo } from "../agents/registry.js";
import { isHandoffError } from "../errors.js";
import type { HandoffConfig } from "../schema/config.js";
import type { SessionState } from "../schema/session-state.js";
import { readStateFile } from "../store/read-state.js";
import { statePath } from "../store/state-path.js";

export interface LocalStates {
  states: Map<string, SessionState>;
  /** State files that exist but could not be read: they are not shared. */
  notes: string[];
}

/** The agents of this repository by name, as a ref's `<agent>.json` entries are matched. */
export function agentsByName(config: HandoffConfig): Map<string, AgentInfo> {
  return new Map(listAgents(config).map((agent) => [agent.name, agent]));
}

/** Every agent's state in this work tree, as its file holds it. */
export function readLocalStates(root: string, config: HandoffConfig): LocalStates {
  const states = new Map<string, SessionState>();
  const notes: string[] = [];
  for (const agent of listAgents(config)) {
    try {
      const parsed = readStateFile(statePath(root, agent));
      if (parsed) states.set(agent.name, parsed.state);
    } catch (error) {
      if (!isHandoffError(error)) throw error;
      notes.push(`${agent.file} was not shared: ${error.message}`);
    }
  }
  return { states, notes };
}
