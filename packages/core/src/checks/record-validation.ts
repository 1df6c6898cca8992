import { existsSync } from "node:fs";
import { listAgents } from "../agents/registry.js";
import { isHandoffError, type HandoffError } from "../errors.js";
import type { SessionState, Validation } from "../schema/session-state.js";
import { agentIn, type OpenedRepo } from "../workflows/open-repo.js";
import { saveSession } from "../workflows/save-session.js";
import { statePath } from "../store/state-path.js";
import { refreshExistingStateFile } from "../store/state-file.js";

export interface RecordValidationOptions {
  opened: OpenedRepo;
  validation: Validation;
  /** Only this agent's state; created (as `handoff save` would) when it has none yet. */
  agent?: string;
}

export interface RecordedValidation {
  agent: string;
  file: string;
  /** True when the state did not exist and was saved for the first time. */
  created: boolean;
}

export interface RecordValidationResult {
  recorded: RecordedValidation[];
  /** States that exist but could not be read; they are left untouched. */
  failed: { agent: string; file: string; error: HandoffError }[];
}

/** The new results over the old section: fields other tools added to `validation` are kept. */
export function withValidation(state: SessionState, validation: Validation): SessionState {
  const { violations_omitted: _stale, ...previous } = (state.validation ?? {}) as Validation & { violations_omitted?: unknown };
  return { ...state, validation: { ...previous, ...validation } };
}

/**
 * Writes a validation run into the agents' states (locked and atomic, everything else kept):
 * every state that exists, or only `agent`'s, which is saved first when it does not exist.
 */
export async function recordValidation(options: RecordValidationOptions): Promise<RecordValidationResult> {
  const { opened, validation } = options;
  const root = opened.repo.root;
  const update = (state: SessionState) => withValidation(state, validation);
  if (options.agent !== undefined) {
    const agent = agentIn(opened, options.agent);
    const refreshed = await refreshExistingStateFile(root, agent, update);
    if (refreshed) return { recorded: [{ agent: agent.name, file: agent.file, created: false }], failed: [] };
    await saveSession({ cwd: root, agent: agent.name, opened, finish: update });
    return { recorded: [{ agent: agent.name, file: agent.file, created: true }], failed: [] };
  }
  const result: RecordValidationResult = { recorded: [], failed: [] };
  for (const agent of listAgents(opened.config)) {
    if (!existsSync(statePath(root, agent))) continue;
    try {
      if (await refreshExistingStateFile(root, agent, update)) result.recorded.push({ agent: agent.name, file: agent.file, created: false });
    } catch (error) {
      if (!isHandoffError(error)) throw error;
      result.failed.push({ agent: agent.name, file: agent.file, error });
    }
  }
  return result;
}
