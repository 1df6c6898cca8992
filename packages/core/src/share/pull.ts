import { existsSync } from "node:fs";
import type { AgentInfo } from "../agents/registry.js";
import { isHandoffError } from "../errors.js";
import { gitOutput, splitNul } from "../git/run-git.js";
import type { SessionState } from "../schema/session-state.js";
import { stringifyState } from "../parse/stringify.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import { ensureIgnored } from "../store/gitignore.js";
import { withFileLock } from "../store/lock.js";
import { readStateFile } from "../store/read-state.js";
import { preparePathForWrite } from "../store/safe-path.js";
import { backupStateFile, compactTimestamp } from "../store/state-file.js";
import { agentsByName } from "./local-states.js";
import { compareStates } from "./merge-states.js";
import type { ShareOptions } from "./push.js";
import { shareTarget } from "./push.js";
import { readStatesAt } from "./ref-tree.js";
import { fetchRef, remoteRefTip } from "./transport.js";
import { pathExists } from "../util/path-exists.js";

/** What pull did with one agent's state. */
export type PulledAction =
  /** There was no local state: the remote's was written. */
  | "written"
  /** The remote's was newer: it was written, and the local one kept as `backup`. */
  | "replaced"
  /** The local file could not be read: it was moved to `backup`, and the remote's written. */
  | "replaced-unreadable"
  /** The local one was newer: it stays, and the remote's is kept as `backup`. */
  | "kept-local"
  /** Both sides hold the same state. */
  | "unchanged";

export interface PulledState {
  agent: string;
  /** The state file, relative to the repository root. */
  file: string;
  action: PulledAction;
  /** Where the older side went, for "replaced" and "kept-local". */
  backup?: string;
}

export interface PullStatesResult {
  branch: string;
  remote: string;
  ref: string;
  /** The remote's commit that was read; undefined when the remote has no states for this branch. */
  commit?: string;
  pulled: PulledState[];
  notes: string[];
}

/** A local state file with one of these problems is moved aside before the remote's is written, as `save` does. */
const UNREADABLE = ["E_STATE_INVALID_JSON", "E_STATE_SCHEMA", "E_STATE_TOO_LARGE"] as const;

/** Writes the older remote state beside the local file, never over anything. */
function keepAside(file: string, state: SessionState): string {
  const base = `${file}.pulled-${compactTimestamp(new Date())}`;
  let backup = base;
  for (let n = 2; pathExists(backup); n++) backup = `${base}-${n}`;
  writeFileAtomic(backup, stringifyState(state));
  return backup;
}


/** Puts one remote state in place under the state file's lock, keeping whichever side is older as a backup. */
async function applyState(root: string, agent: AgentInfo, incoming: SessionState): Promise<PulledState> {
  const file = preparePathForWrite(root, agent.file);
  return withFileLock(file, async () => {
    const entry = { agent: agent.name, file: agent.file };
    let local: SessionState | undefined;
    try {
      local = existsSync(file) ? readStateFile(file)?.state : undefined;
    } catch (error) {
      if (!UNREADABLE.some((code) => isHandoffError(error, code))) throw error;
      // An unreadable local file is moved aside (never lost), as save does.
      const backup = backupStateFile(file, "corrupt");
      writeFileAtomic(file, stringifyState(incoming));
      return { ...entry, action: "replaced-unreadable", backup };
    }
    if (!local) {
      writeFileAtomic(file, stringifyState(incoming));
      return { ...entry, action: "written" };
    }
    const comparison = compareStates(local, incoming);
    if (comparison === "same") return { ...entry, action: "unchanged" };
    if (comparison === "second-newer") {
      const backup = backupStateFile(file, "replaced");
      writeFileAtomic(file, stringifyState(incoming));
      return { ...entry, action: "replaced", backup };
    }
    return { ...entry, action: "kept-local", backup: keepAside(file, incoming) };
  });
}

async function trackedFiles(root: string, files: readonly string[], env?: NodeJS.ProcessEnv): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  return new Set(splitNul(await gitOutput(root, ["ls-files", "-z", "--", ...files.map((file) => `:(literal)${file}`)], { env })));
}

/**
 * `handoff pull`: fetches `refs/handoff/<branch>` from the remote and writes each agent's state
 * into the work tree with the store's lock and atomic write. A newer local state is never
 * overwritten; the older side is always kept as a backup beside the file.
 */
export async function pullStates(options: ShareOptions): Promise<PullStatesResult> {
  const { root, env } = options;
  const { branch, ref, remote, fetched } = await shareTarget(options);
  const base = { branch, remote, ref };
  const tip = await remoteRefTip(root, remote, ref, env);
  if (!tip) return { ...base, pulled: [], notes: [] };
  await fetchRef(root, remote, ref, fetched, env);
  const agents = agentsByName(options.config);
  const read = await readStatesAt(root, fetched, `${remote} ${ref}`, (agent) => agents.has(agent));
  const notes = [...read.notes];
  const targets = [...read.states.keys()].map((name) => agents.get(name)!);
  const tracked = await trackedFiles(root, targets.map((agent) => agent.file), env);
  const pulled: PulledState[] = [];
  for (const agent of targets) {
    if (tracked.has(agent.file)) {
      // Writing it would change a file of the branch: pull leaves tracked files alone, as the hooks do.
      notes.push(`${agent.file} is tracked by git, so pull leaves it alone; untrack it with \`git rm --cached ${agent.file}\``);
      continue;
    }
    pulled.push(await applyState(root, agent, read.states.get(agent.name)!));
  }
  const written = pulled.filter((entry) => entry.action !== "unchanged").map((entry) => entry.file);
  if (written.length) {
    try {
      await ensureIgnored(root, written);
    } catch (error) {
      notes.push(`.gitignore could not be updated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { ...base, commit: tip, pulled, notes };
}
