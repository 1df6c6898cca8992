import { openRepo, readAgentSessionIncrementally, saveSession, type SaveInput, type SessionState } from "@handoff/core/internal";
import type { HookAgent, HookEvent } from "./events.js";
import { agentHookLogName } from "./log-name.js";
import { readAgentHookMemory, sessionMemoryDir, updateAgentHookMemory } from "./memory.js";
import type { HookPayload } from "./payload.js";
import { readNewestState } from "./session-start.js";

export interface SaveTurnOptions {
  agent: HookAgent;
  event: HookEvent;
  /** The repository (its root, from the hook's guard). */
  cwd: string;
  payload: HookPayload;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

export interface SaveTurnResult {
  state: SessionState;
  /** How the agent's transcript was read: only what was appended, whole, or not at all. */
  read: "appended" | "unchanged" | "whole" | "none";
  /** After a rate limit, with `"fallback"` in handoff.config.json: the state written for that agent. */
  fallback?: { agent: string; line: string };
  notes: string[];
}

const FAILURE_LABELS: Record<string, string> = { rate_limit: "Rate limit", overloaded: "Overloaded", billing_error: "Billing" };

function failureOf(payload: HookPayload): { label: string; reason: string } {
  const type = payload.errorType ?? "unknown";
  const label = FAILURE_LABELS[type] ?? `Stopped (${type})`;
  const detail = payload.errorMessage ? `: ${payload.errorMessage.replace(/\s+/g, " ").slice(0, 200)}` : "";
  return { label, reason: `${label.toLowerCase()}${detail}` };
}

/**
 * The save an agent's end-of-turn hook asks for: the work part read from the agent's session
 * (only what the transcript gained since the last turn), the git part from git, merged with the
 * saved state. A task a person gave (`handoff save --task`) is never replaced by what a hook
 * reads: the hooks remember which task they wrote, and keep any other. After a turn that failed
 * on a rate limit, the state records the reason and the time, and with `"fallback": "<agent>"` the
 * fallback agent's state is written as `handoff switch` would.
 */
export async function saveTurn(options: SaveTurnOptions): Promise<SaveTurnResult> {
  const { agent, event, payload } = options;
  const firedAt = options.now ?? new Date();
  const opened = await openRepo(options.cwd);
  const { root, gitDir } = opened.repo;
  const remembered = readAgentHookMemory(gitDir)[agent] ?? {};
  const reading = await readAgentSessionIncrementally({
    agent,
    root,
    memoryDir: sessionMemoryDir(gitDir),
    transcript: payload.transcript,
    sessionId: payload.sessionId,
    env: options.env,
  });
  const failure = event === "stop-failure" ? failureOf(payload) : undefined;
  const fallback = failure ? opened.config.fallback : undefined;
  const handsOver = fallback !== undefined && fallback !== agent;
  const input: SaveInput = { ...(reading.session?.input ?? {}), ...(failure ? { reason: failure.reason } : {}) };
  let keptTask = false;
  const saved = await saveSession({
    cwd: root,
    agent,
    opened,
    input,
    finish: (state, previous) => {
      let finished = state;
      if (previous?.task && previous.task.description !== remembered.task) {
        keptTask = true;
        finished = { ...finished, task: previous.task };
      }
      if (failure) {
        finished = {
          ...finished,
          handoff: { ...finished.handoff, from: agent, reason: failure.reason, at: finished.timestamp, ...(handsOver ? { to: fallback } : {}) },
        };
      }
      return finished;
    },
  });
  await updateAgentHookMemory(gitDir, agent, (memory) => {
    memory.fired = { ...memory.fired, [event]: firedAt.toISOString() };
    if (!keptTask) memory.task = saved.state.task?.description;
  });
  const result: SaveTurnResult = { state: saved.state, read: reading.session ? reading.read : "none", notes: reading.notes };
  if (failure && handsOver) {
    const { writeFallbackState } = await import("./fallback.js");
    await writeFallbackState(opened, saved.state, fallback, failure.reason);
    result.fallback = {
      agent: fallback,
      line: `${failure.label}: continue with  handoff switch ${agent} ${fallback} --launch`,
    };
  }
  // The session starts that follow answer from the summary of the states as they are now.
  readNewestState(opened, agentHookLogName(agent));
  return result;
}
