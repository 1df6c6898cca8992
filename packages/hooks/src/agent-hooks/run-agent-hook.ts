import { resolveRepo, type RepoPaths } from "@handoff/core";
import { errorText } from "../error-text.js";
import { appendHookLog } from "../hook-log.js";
import { isHookAgent, isHookEvent, savesTurn, type HookAgent, type HookEvent } from "./events.js";
import { isForeignClaudePayload, MAX_PAYLOAD_BYTES, parsePayload } from "./payload.js";
import { agentHookLogName } from "./log-name.js";
import { queueSave } from "./queue.js";

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
   * Runs the saves queued for the agent (`handoff hook-save <agent>`): in the background, detached,
   * resolving at once; or, with `wait` (after a rate limit, whose answer needs the save), resolving
   * to what they answered. The saving code lives there, so that a hook run never loads it.
   */
  runSaves: (agent: HookAgent, wait: boolean) => Promise<string | undefined>;
  /**
   * A session start's answer (`sessionStartAnswer`), passed in so that a program that runs only
   * the turns' hooks does not carry the prompt and its redaction. Without it, a session start is
   * an error in the hook log.
   */
  sessionStart?: (agent: HookAgent, repo: RepoPaths) => Promise<string | undefined>;
  env?: NodeJS.ProcessEnv;
}

async function answerFor(agent: HookAgent, event: HookEvent, options: RunAgentHookOptions, repo: RepoPaths, payloadText: string): Promise<string | undefined> {
  const payload = parsePayload(payloadText);
  if (agent === "claude" && isForeignClaudePayload(payload)) return undefined;
  if (!savesTurn(event)) {
    if (!options.sessionStart) throw new Error("this build of the hook does not answer session starts");
    return options.sessionStart(agent, repo);
  }
  // The turn's save runs after the hook returned; a rate limit's answer needs the save first.
  queueSave(repo.gitDir, { agent, event, payload: payloadText, queuedAt: new Date().toISOString() });
  return options.runSaves(agent, event === "stop-failure");
}

/**
 * What `handoff hook <agent> <event>` does. It never throws, never exits non-zero and never writes
 * to stderr: an agent must see neither an error nor a warning from handoff. Its only output is the
 * answer the agent's contract expects (one line of JSON), or nothing. Failures go to the hook log
 * in the git directory, as the git hooks' do. HANDOFF_SKIP=1 turns it off.
 */
export async function runAgentHook(options: RunAgentHookOptions): Promise<void> {
  const env = options.env ?? process.env;
  if (env.HANDOFF_SKIP === "1" || !isHookAgent(options.agent) || !isHookEvent(options.event)) return;
  let gitDir: string | undefined;
  try {
    const repo = await resolveRepo(options.cwd);
    gitDir = repo.gitDir;
    const text = await options.payload();
    if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw new Error(`the hook payload is larger than ${MAX_PAYLOAD_BYTES} bytes; ignored`);
    const answer = await answerFor(options.agent, options.event, options, repo, text);
    if (answer) options.answer(answer);
  } catch (error) {
    if (gitDir) appendHookLog(gitDir, "ERROR", agentHookLogName(options.agent), `${options.event}: ${errorText(error)}`);
  }
}
