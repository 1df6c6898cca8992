import { existsSync, statSync } from "node:fs";
import {
  agentIn,
  currentFreshness,
  listAgents,
  loadSession,
  openRepo,
  readStateFileQuickly,
  statePath,
  type OpenedRepo,
  type SessionState,
} from "@handoff/core";
import type { HookAgent } from "./events.js";
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

/** Every agent's saved state that reads (a broken one is nobody's handoff), newest first. */
async function savedStates(opened: OpenedRepo): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const agent of listAgents(opened.config)) {
    const file = statePath(opened.repo.root, agent);
    let state = readStateFileQuickly(file)?.state;
    if (!state && existsSync(file)) {
      // A legacy or repairable file: the full reader, loaded only for it.
      state = await loadSession({ cwd: opened.repo.root, agent: agent.name, opened, refresh: false }).then(
        (loaded) => loaded.state,
        () => undefined,
      );
    }
    if (state) found.push({ owner: agent.name, state, modified: modifiedAt(file) });
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
  const newest = (await savedStates(opened))[0];
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
