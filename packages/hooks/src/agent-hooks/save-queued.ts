import { resolveRepo } from "@handoff/core";
import { errorText } from "../error-text.js";
import { appendHookLog } from "../hook-log.js";
import type { HookAgent } from "./events.js";
import { parsePayload } from "./payload.js";
import { drainQueuedSaves } from "./queue.js";
import { rememberIndexCheck } from "./index-checked.js";
import { agentHookLogName } from "./log-name.js";
import { saveTurn } from "./save-turn.js";

export interface RunQueuedSavesOptions {
  agent: HookAgent;
  /** The repository. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the saves the agent hooks queued for `agent` (`handoff hook-save <agent>`, started by the
 * hook in the background, or waited for after a rate limit). Never throws: a failed save goes to
 * the hook log. Resolves to the answer of the last save that has one (the rate-limit line, as the
 * JSON the agent reads), or undefined.
 */
export async function runQueuedAgentSaves(options: RunQueuedSavesOptions): Promise<string | undefined> {
  const { agent } = options;
  let gitDir: string | undefined;
  let answer: string | undefined;
  try {
    const repo = await resolveRepo(options.cwd);
    gitDir = repo.gitDir;
    const log = gitDir;
    await drainQueuedSaves(gitDir, agent, async (job) => {
      try {
        const saved = await saveTurn({ agent, event: job.event, cwd: options.cwd, payload: parsePayload(job.payload), env: options.env, now: new Date(job.queuedAt) });
        if (saved.fallback) answer = JSON.stringify({ systemMessage: saved.fallback.line });
      } catch (error) {
        appendHookLog(log, "ERROR", agentHookLogName(agent), `${job.event}: ${errorText(error)}`);
      }
    });
    // After the saves, off the agent's turn: the next hook's guard then starts no git process.
    await rememberIndexCheck(repo);
  } catch (error) {
    if (gitDir) appendHookLog(gitDir, "ERROR", agentHookLogName(agent), `save: ${errorText(error)}`);
  }
  return answer;
}
