import { readHookLog } from "../hook-log.js";
import { AGENT_HOOK_CONTRACTS } from "./contracts.js";
import { HOOK_AGENTS, type HookAgent, type HookEvent } from "./events.js";
import { installedAgentHooks } from "./installed.js";
import { readAgentHookMemoryWithStamps } from "./memory.js";
import { agentHookLogName } from "./log-name.js";

export interface AgentHookStatus {
  agent: HookAgent;
  /** The files handoff's hooks for this agent are in (empty: not installed here). */
  files: string[];
  /** When each event last ran handoff. */
  fired: Partial<Record<HookEvent, Date>>;
  /** The newest of those. */
  lastFired?: Date;
  /** The last failure in the hook log, if it is newer than the last run that went well. */
  lastError?: { time: Date; message: string };
}

/** For `handoff status` and `handoff agents`: which agent hooks are installed here and when each last fired. */
export function agentHooksStatus(gitDir: string): AgentHookStatus[] {
  const installed = new Map(installedAgentHooks(gitDir).map((entry) => [entry.agent, entry.files]));
  const memory = readAgentHookMemoryWithStamps(gitDir);
  const log = readHookLog(gitDir).filter((entry) => entry.level === "ERROR");
  return HOOK_AGENTS.filter((agent) => installed.has(agent) || memory[agent]?.fired).map((agent) => {
    const fired = Object.fromEntries(Object.entries(memory[agent]?.fired ?? {}).map(([event, time]) => [event, new Date(time)])) as AgentHookStatus["fired"];
    const times = Object.values(fired).filter((time): time is Date => !Number.isNaN(time?.getTime()));
    const lastFired = times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : undefined;
    const error = log.filter((entry) => entry.hook === agentHookLogName(agent)).at(-1);
    return {
      agent,
      files: installed.get(agent) ?? [],
      fired,
      lastFired,
      ...(error && (!lastFired || error.time >= lastFired) ? { lastError: { time: error.time, message: error.message } } : {}),
    };
  });
}

/** "Stop, PreCompact, StopFailure, SessionStart" for claude. */
export function agentHookEventNames(agent: HookAgent): string[] {
  return AGENT_HOOK_CONTRACTS[agent].events.map((event) => event.name);
}
