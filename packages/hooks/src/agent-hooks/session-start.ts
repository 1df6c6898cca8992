import { existsSync, statSync } from "node:fs";
import {
  agentIn,
  currentFreshness,
  listAgents,
  openRepo,
  readStateFileQuickly,
  statePath,
  type OpenedRepo,
  type SessionState,
} from "@handoff/core/internal";
import { appendHookLog } from "../hook-log.js";
import type { HookAgent } from "./events.js";
import { agentHookLogName } from "./log-name.js";
import { readAgentHookMemory, updateAgentHookMemory } from "./memory.js";

export interface SessionStartOptions {
  agent: HookAgent;
  cwd: string;
  /** The repository, when the caller opened it already. */
  opened?: OpenedRepo;
  now?: Date;
}

interface Candidate {
  owner: string;
  state: SessionState;
  /** The file's mtime: breaks a tie between two states saved within the same second. */
  modified: number;
}

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Every agent's saved state, newest first, read with the quick (zod-free) reader that `restore`
 * uses on its fast path. A file it is not sure of (a legacy or broken state) is left out, and
 * named in the hook log: `handoff restore <agent>` explains or repairs it.
 */
function savedStates(opened: OpenedRepo, agent: HookAgent): Candidate[] {
  const found: Candidate[] = [];
  for (const info of listAgents(opened.config)) {
    const file = statePath(opened.repo.root, info);
    const state = readStateFileQuickly(file)?.state;
    if (state) found.push({ owner: info.name, state, modified: modifiedAt(file) });
    else if (existsSync(file)) {
      appendHookLog(opened.repo.gitDir, "WARN", agentHookLogName(agent), `session-start: left out ${info.file}; run \`handoff restore ${info.name}\` to check it`);
    }
  }
  return found.sort((a, b) => Date.parse(b.state.timestamp) - Date.parse(a.state.timestamp) || b.modified - a.modified);
}

/** The agent's own work, saved by itself (a state handed over to it by another agent is not). */
function isOwnWork(candidate: Candidate, agent: string): boolean {
  if (candidate.state.agent !== agent) return false;
  const record = candidate.state.handoff;
  return !(record?.to === agent && record.from !== undefined && record.from !== agent);
}

/**
 * What a session start hands the agent: the handoff prompt of the newest state in this repository,
 * when it is another agent's (or was handed over to this one), on the current branch, and not yet
 * given to this agent; otherwise nothing. Each handoff is given once (remembered per agent).
 */
export async function sessionStartContext(options: SessionStartOptions): Promise<string | undefined> {
  const { agent } = options;
  const opened = options.opened ?? (await openRepo(options.cwd));
  const { gitDir } = opened.repo;
  const newest = savedStates(opened, agent)[0];
  const branch = currentFreshness(opened.repo).ref;
  const key = newest ? `${newest.owner}@${newest.state.timestamp}` : undefined;
  const remembered = readAgentHookMemory(gitDir)[agent];
  const give = newest !== undefined && !isOwnWork(newest, agent) && newest.state.git.branch === branch && remembered?.seen !== key;
  let context: string | undefined;
  if (give) {
    // The prompt and its redaction (secretlint) load only when there is a handoff to give.
    const { handoffContext } = await import("./handoff-context.js");
    context = await handoffContext(newest.state, agentIn(opened, agent).maxTokens);
  }
  await updateAgentHookMemory(gitDir, agent, (memory) => {
    memory.fired = { ...memory.fired, "session-start": (options.now ?? new Date()).toISOString() };
    if (give) memory.seen = key;
  });
  return context;
}
