import { resolveRepo } from "@handoff/core";
import { errorText } from "../error-text.js";
import { appendHookLog } from "../hook-log.js";
import { AGENT_HOOK_CONTRACTS } from "./contracts.js";
import { isHookAgent, isHookEvent, savesTurn, type HookAgent, type HookEvent } from "./events.js";
import { isForeignClaudePayload, MAX_PAYLOAD_BYTES, parsePayload } from "./payload.js";

export interface RunAgentHookOptions {
  agent: string;
  event: string;
  /** The repository root (the hook's guard went there). */
  cwd: string;
  /** The payload: stdin for every agent's hooks, the last argument for Codex's notify program. */
  payload: () => Promise<string>;
  /** Where the answer goes (stdout); called at most once, with one line of JSON. */
  answer: (text: string) => void;
  /**
   * Starts `handoff hook <agent> save-queued` in the background, detached. Given, a turn's save is
   * queued and the hook returns at once; absent, the save runs before the hook returns.
   */
  background?: (agent: HookAgent) => void;
  env?: NodeJS.ProcessEnv;
}

/** The event name of the background worker that runs queued saves. */
export const SAVE_WORKER = "save-queued";

/** The hook log's name for an agent hook: `agent-claude`. */
export const agentHookLogName = (agent: string) => `agent-${agent}`;

async function save(agent: HookAgent, event: HookEvent, cwd: string, payloadText: string, env: NodeJS.ProcessEnv | undefined, now?: Date) {
  // Saving loads git's readers and the session readers: only the save events pay for them.
  const { saveTurn } = await import("./save-turn.js");
  return saveTurn({ agent, event, cwd, payload: parsePayload(payloadText), env, now });
}

async function answerFor(agent: HookAgent, event: HookEvent, options: RunAgentHookOptions, gitDir: string, payloadText: string): Promise<unknown> {
  const payload = parsePayload(payloadText);
  if (agent === "claude" && isForeignClaudePayload(payload)) return undefined;
  if (!savesTurn(event)) {
    const { sessionStartContext } = await import("./session-start.js");
    const context = await sessionStartContext({ agent, cwd: options.cwd });
    return context === undefined ? undefined : AGENT_HOOK_CONTRACTS[agent].sessionStartAnswer(context);
  }
  if (options.background && event !== "stop-failure") {
    // The turn's save runs after the hook returned; a rate limit's answer needs the save first.
    const { queueSave } = await import("./queue.js");
    queueSave(gitDir, { agent, event, payload: payloadText, queuedAt: new Date().toISOString() });
    options.background(agent);
    return undefined;
  }
  const saved = await save(agent, event, options.cwd, payloadText, options.env);
  return saved.fallback ? { systemMessage: saved.fallback.line } : undefined;
}

/** The background worker: every save queued for the agent, in turn; failures go to the hook log. */
async function runQueued(agent: HookAgent, options: RunAgentHookOptions, gitDir: string): Promise<void> {
  const { drainQueuedSaves } = await import("./queue.js");
  await drainQueuedSaves(gitDir, agent, async (job) => {
    try {
      await save(agent, job.event, options.cwd, job.payload, options.env, new Date(job.queuedAt));
    } catch (error) {
      appendHookLog(gitDir, "ERROR", agentHookLogName(agent), `${job.event}: ${errorText(error)}`);
    }
  });
}

/**
 * What `handoff hook <agent> <event>` does. It never throws, never exits non-zero and never writes
 * to stderr: an agent must see neither an error nor a warning from handoff. Its only output is the
 * answer the agent's contract expects (one line of JSON), or nothing. Failures go to the hook log
 * in the git directory, as the git hooks' do. HANDOFF_SKIP=1 turns it off.
 */
export async function runAgentHook(options: RunAgentHookOptions): Promise<void> {
  const env = options.env ?? process.env;
  const worker = options.event === SAVE_WORKER;
  if (env.HANDOFF_SKIP === "1" || !isHookAgent(options.agent) || !(worker || isHookEvent(options.event))) return;
  let gitDir: string | undefined;
  try {
    gitDir = (await resolveRepo(options.cwd)).gitDir;
    if (worker) return await runQueued(options.agent, options, gitDir);
    const text = await options.payload();
    if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw new Error(`the hook payload is larger than ${MAX_PAYLOAD_BYTES} bytes; ignored`);
    const answer = await answerFor(options.agent, options.event as HookEvent, options, gitDir, text);
    if (answer !== undefined) options.answer(JSON.stringify(answer));
  } catch (error) {
    if (gitDir) appendHookLog(gitDir, "ERROR", agentHookLogName(options.agent), `${options.event}: ${errorText(error)}`);
  }
}
