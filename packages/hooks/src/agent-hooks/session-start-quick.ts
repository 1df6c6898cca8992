import { currentFreshness } from "@handoff/core";
import { isHookAgent } from "./events.js";
import { readAgentHookMemory, recordSessionStart } from "./memory.js";
import { gitDirOfTopLevel, newestStateFromSummary, shouldHandOver } from "./newest-state.js";
import { isForeignClaudePayload, MAX_PAYLOAD_BYTES, parsePayload } from "./payload.js";

export interface QuickSessionStartOptions {
  agent: string;
  /** Where the hook runs: the work tree's top level (the hook's guard goes there). */
  cwd: string;
  /** The payload, as the agent gave it. */
  payload: string;
  now?: Date;
}

/**
 * A session start with nothing to hand over, answered from the newest-state summary the last full
 * read wrote (newest-state.ts), without reading any state file or the config: it records that
 * the hook fired and returns true, and the agent is given nothing. It returns false whenever the
 * full session start must decide (no summary, one that is out of date, a handoff to give, an
 * unusual repository, a payload too large), and then has changed nothing.
 */
export async function quickSessionStart(options: QuickSessionStartOptions): Promise<boolean> {
  const { agent } = options;
  if (!isHookAgent(agent) || Buffer.byteLength(options.payload) > MAX_PAYLOAD_BYTES) return false;
  // Copilot CLI running Claude Code's hooks: the full hook gives nothing and records nothing either.
  if (agent === "claude" && isForeignClaudePayload(parsePayload(options.payload))) return true;
  try {
    const root = options.cwd;
    const gitDir = gitDirOfTopLevel(root);
    if (gitDir === undefined) return false;
    const newest = newestStateFromSummary(root, gitDir);
    if (newest === undefined) return false;
    const branch = currentFreshness({ root, gitDir, head: null }).ref;
    if (shouldHandOver(newest ?? undefined, agent, branch, readAgentHookMemory(gitDir)[agent]?.seen)) return false;
    await recordSessionStart(gitDir, agent, options.now ?? new Date(), undefined);
    return true;
  } catch {
    return false;
  }
}
