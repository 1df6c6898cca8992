import { existsSync } from "node:fs";
import {
  agentIn,
  currentFreshness,
  listAgents,
  modifiedAt,
  openRepo,
  readStateFileQuickly,
  statePath,
  type OpenedRepo,
  type RepoPaths,
  type SessionState,
} from "@handoff/core/internal";
import { appendHookLog } from "../hook-log.js";
import { AGENT_HOOK_CONTRACTS } from "./contracts.js";
import type { HookAgent } from "./events.js";
import { agentHookLogName } from "./log-name.js";
import { readAgentHookMemory, recordSessionStart } from "./memory.js";
import { handoverKey, newestStateOf, shouldHandOver, summarySources, writeNewestStateSummary } from "./newest-state.js";

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

/**
 * Every agent's saved state, newest first, read with the quick (zod-free) reader that `restore`
 * uses on its fast path. A file it is not sure of (a legacy or broken state) is left out, and
 * named in the hook log (as `logName`'s): `handoff restore <agent>` explains or repairs it.
 */
function savedStates(opened: OpenedRepo, logName: string): Candidate[] {
  const found: Candidate[] = [];
  for (const info of listAgents(opened.config)) {
    const file = statePath(opened.repo.root, info);
    const state = readStateFileQuickly(file)?.state;
    if (state) found.push({ owner: info.name, state, modified: modifiedAt(file) });
    else if (existsSync(file)) {
      appendHookLog(opened.repo.gitDir, "WARN", logName, `session-start: left out ${info.file}; run \`handoff restore ${info.name}\` to check it`);
    }
  }
  return found.sort((a, b) => Date.parse(b.state.timestamp) - Date.parse(a.state.timestamp) || b.modified - a.modified);
}

/**
 * The newest saved state in the work tree, read from every agent's state file; it also writes the
 * summary (newest-state.ts) that lets the next session start skip this read.
 */
export function readNewestState(opened: OpenedRepo, logName: string): Candidate | undefined {
  const sources = summarySources(opened.repo.root, opened.config);
  const newest = savedStates(opened, logName)[0];
  writeNewestStateSummary(opened.repo, sources, newest && newestStateOf(newest.owner, newest.state));
  return newest;
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
  const newest = readNewestState(opened, agentHookLogName(agent));
  const summary = newest && newestStateOf(newest.owner, newest.state);
  const branch = currentFreshness(opened.repo).ref;
  const give = shouldHandOver(summary, agent, branch, readAgentHookMemory(gitDir)[agent]?.seen);
  let context: string | undefined;
  if (give && newest) {
    // The prompt and its redaction (secretlint) load only when there is a handoff to give.
    const { handoffContext } = await import("./handoff-context.js");
    context = await handoffContext(newest.state, agentIn(opened, agent).maxTokens);
  }
  await recordSessionStart(gitDir, agent, options.now ?? new Date(), give ? handoverKey(summary) : undefined);
  return context;
}

/** The answer the agent's contract expects at a session start (one line of JSON), or undefined for nothing. */
export async function sessionStartAnswer(agent: HookAgent, repo: RepoPaths): Promise<string | undefined> {
  const context = await sessionStartContext({ agent, cwd: repo.root });
  return context === undefined ? undefined : JSON.stringify(AGENT_HOOK_CONTRACTS[agent].sessionStartAnswer(context));
}
