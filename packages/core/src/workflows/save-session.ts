import { detectProvider } from "../agents/provider.js";
import type { AgentInfo } from "../agents/registry.js";
import { mergeReferences, readGithubReferences } from "../git/github.js";
import { readGitSnapshot, type GitSnapshot } from "../git/snapshot.js";
import type { SessionState } from "../schema/session-state.js";
import { buildState, type SaveInput } from "../state/build.js";
import { ensureIgnored, ignoreEntry } from "../store/gitignore.js";
import { updateStateFile, type WriteStateResult } from "../store/state-file.js";
import { assertStateTarget } from "../store/state-target.js";
import { agentIn, openRepo, type OpenedRepo } from "./open-repo.js";

export interface SaveSessionOptions {
  cwd: string;
  agent: string;
  input?: SaveInput;
  /** Reuse an already opened repository and snapshot (switch does). */
  opened?: OpenedRepo;
  snapshot?: GitSnapshot;
  /** Also ask `gh`, when installed, for my open issues and this branch's PR (never from a hook). */
  github?: boolean;
  /** Final say over the state before it is written (switch sets the handoff record). */
  finish?: (state: SessionState, previous: SessionState | undefined) => SessionState;
}

export interface SaveSessionResult extends WriteStateResult {
  agent: AgentInfo;
  opened: OpenedRepo;
  snapshot: GitSnapshot;
  /** Entries added to `.gitignore` by this save. */
  ignored: string[];
  /**
   * Why `.gitignore` could not be updated, when it could not: the state is written all the same
   * (that is what the user asked for); the CLI says which line to add by hand.
   */
  ignoreFailed?: { entry: string; reason: string };
}

/** `handoff save`: computes the state from git, the input and the previous state, and writes it. */
export async function saveSession(options: SaveSessionOptions): Promise<SaveSessionResult> {
  const opened = options.opened ?? (await openRepo(options.cwd));
  const agent = agentIn(opened, options.agent);
  const targetChecked = assertStateTarget(opened.repo.root, agent, opened.repo);
  targetChecked.catch(() => {}); // awaited by updateStateFile; the snapshot may fail first
  const snapshot = options.snapshot ?? (await readGitSnapshot(opened.repo));
  if (options.github) snapshot.references = mergeReferences(snapshot.references, await readGithubReferences(opened.repo.root));
  const written = await updateStateFile({
    root: opened.repo.root,
    agent,
    targetChecked,
    update: (previous) => {
      const state = buildState({
        agent: agent.name,
        snapshot,
        previous,
        input: options.input,
        detectedProvider: detectProvider(opened.repo.root, agent.name),
      });
      return options.finish ? options.finish(state, previous) : state;
    },
  });
  try {
    const ignored = await ensureIgnored(opened.repo.root, [agent.file]);
    return { ...written, agent, opened, snapshot, ignored };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...written, agent, opened, snapshot, ignored: [], ignoreFailed: { entry: ignoreEntry(agent.file), reason } };
  }
}
