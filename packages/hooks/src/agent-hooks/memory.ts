import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { joinNames, withFileLock, writeQuietly } from "@handoff/core/internal";
import { handoffFolder } from "../git-folder.js";
import { HOOK_AGENTS, type HookEvent } from "./events.js";

/** What the agent hooks remember about one agent, in the git directory. */
export interface AgentHookMemory {
  /** When each event last ran handoff (ISO time). */
  fired?: Partial<Record<HookEvent, string>>;
  /** The task this agent's hooks last wrote: a different task in the state is a person's, and stays. */
  task?: string;
  /** The handoff this agent was last given at a session start (`<agent>@<timestamp>`): never twice. */
  seen?: string;
}

interface MemoryFile {
  version: 1;
  agents: Record<string, AgentHookMemory>;
}

export function agentHookMemoryPath(gitDir: string): string {
  return joinNames(handoffFolder(gitDir), "agent-hooks.json");
}

/** Where the incremental transcript reads keep what they read: per session, in the git directory. */
export function sessionMemoryDir(gitDir: string): string {
  return joinNames(handoffFolder(gitDir), "sessions");
}

function readMemoryFile(gitDir: string): MemoryFile {
  try {
    const parsed = JSON.parse(readFileSync(agentHookMemoryPath(gitDir), "utf8")) as MemoryFile;
    if (parsed?.version === 1 && typeof parsed.agents === "object" && parsed.agents !== null) return parsed;
  } catch {
    // none yet, or unreadable: start afresh
  }
  return { version: 1, agents: {} };
}

/** Every agent's memory (an agent whose hooks never ran has none). */
export function readAgentHookMemory(gitDir: string): Record<string, AgentHookMemory> {
  return readMemoryFile(gitDir).agents;
}

/** Changes one agent's memory under a lock, so that hooks running side by side lose nothing. */
export async function updateAgentHookMemory(gitDir: string, agent: string, change: (memory: AgentHookMemory) => void): Promise<void> {
  const file = agentHookMemoryPath(gitDir);
  mkdirSync(path.dirname(file), { recursive: true });
  await withFileLock(file, () => {
    const memory = readMemoryFile(gitDir);
    const own = (memory.agents[agent] ??= {});
    change(own);
    writeQuietly(file, `${JSON.stringify(memory, null, 2)}\n`);
  });
}

/**
 * A session start's time is the modification time of a file of its own, not a field of the memory
 * file: touching it is one `utimes`, where the memory file takes a lock and a rewrite. A session
 * start that gives nothing (the common case, before the agent's first turn) writes only this.
 */
export function sessionStartStampPath(gitDir: string, agent: string): string {
  return joinNames(handoffFolder(gitDir), "agent-hooks-fired", `${agent}.session-start`);
}

function stampSessionStart(gitDir: string, agent: string, now: Date): void {
  const file = sessionStartStampPath(gitDir, agent);
  try {
    utimesSync(file, now, now);
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "");
    utimesSync(file, now, now);
  }
}

/** Remembers when a session start fired, and the handoff it gave (`<agent>@<timestamp>`, never given again). */
export async function recordSessionStart(gitDir: string, agent: string, now: Date, given: string | undefined): Promise<void> {
  stampSessionStart(gitDir, agent, now);
  if (given) await updateAgentHookMemory(gitDir, agent, (memory) => (memory.seen = given));
}

/**
 * Every agent's memory, with when each event last fired: a session start's stamp is newer than
 * the time the memory file holds for it (written by versions without stamps).
 */
export function readAgentHookMemoryWithStamps(gitDir: string): Record<string, AgentHookMemory> {
  const agents = readAgentHookMemory(gitDir);
  for (const agent of HOOK_AGENTS) {
    const stamp = statSync(sessionStartStampPath(gitDir, agent), { throwIfNoEntry: false });
    if (!stamp) continue;
    const own = (agents[agent] ??= {});
    const recorded = Date.parse(own.fired?.["session-start"] ?? "");
    if (!(recorded >= stamp.mtimeMs)) own.fired = { ...own.fired, "session-start": stamp.mtime.toISOString() };
  }
  return agents;
}
