import type { AgentInfo } from "../agents/registry.js";
import { HandoffError } from "../errors.js";
import type { SessionState } from "../schema/session-state.js";
import { currentFreshness, judgeFreshness } from "../state/freshness.js";
import { readStateFileQuickly } from "../store/quick-read.js";
import { statePath } from "../store/state-path.js";
import { agentIn, openRepo, type OpenedRepo } from "./open-repo.js";
import { noState, noStateHint } from "../messages.js";

export type LoadedFreshness = "fresh" | "refreshed" | "stale" | "unknown";

export interface LoadedSession {
  agent: AgentInfo;
  opened: OpenedRepo;
  file: string;
  state: SessionState;
  repairs: string[];
  /** `refreshed`: it was stale (or recorded no freshness) and its git part was recomputed and written back. */
  freshness: LoadedFreshness;
}

export interface LoadSessionOptions {
  cwd: string;
  agent: string;
  opened?: OpenedRepo;
  /** Recompute and write back the git part of a stale state (default true). */
  refresh?: boolean;
}

export function stateNotFound(agent: AgentInfo, file: string): HandoffError {
  return new HandoffError("E_STATE_NOT_FOUND", noState(agent.name), {
    file,
    hint: noStateHint(agent.name),
  });
}

/** `handoff restore`: reads an agent's state, and refreshes its git part when the repository moved on. */
export async function loadSession(options: LoadSessionOptions): Promise<LoadedSession> {
  const opened = options.opened ?? (await openRepo(options.cwd));
  const agent = agentIn(opened, options.agent);
  const file = statePath(opened.repo.root, agent);
  // A fresh, plainly valid state is the fast path: no zod, no simple-git, one git process in all.
  // Everything else (a missing, broken, legacy or stale file) loads the full machinery on demand.
  const parsed = readStateFileQuickly(file) ?? (await import("../store/read-state.js")).readStateFile(file);
  if (!parsed) throw stateNotFound(agent, file);
  const verdict = judgeFreshness(parsed.state, currentFreshness(opened.repo));
  const base = { agent, opened, file, repairs: parsed.repairs };
  if (verdict === "fresh" || options.refresh === false) return { ...base, state: parsed.state, freshness: verdict };
  const [{ readGitSnapshot }, { refreshGitState }, { refreshExistingStateFile }] = await Promise.all([
    import("../git/snapshot.js"),
    import("../state/build.js"),
    import("../store/state-file.js"),
  ]);
  const snapshot = await readGitSnapshot(opened.repo);
  const refreshed = await refreshExistingStateFile(opened.repo.root, agent, (state) => refreshGitState(state, snapshot));
  return { ...base, state: refreshed ?? parsed.state, freshness: "refreshed" };
}
