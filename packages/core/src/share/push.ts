import { HandoffError } from "../errors.js";
import type { HandoffConfig } from "../schema/config.js";
import type { SessionState } from "../schema/session-state.js";
import { commitTree, compareAndSwapRef } from "./commit-states.js";
import { assertRefName, currentBranch, fetchedRefOf, handoffRefOf, readRef } from "./handoff-ref.js";
import { agentsByName, readLocalStates } from "./local-states.js";
import { mergeByAgent } from "./merge-states.js";
import { readStatesAt, treeIdOf, writeStatesTree } from "./ref-tree.js";
import { fetchRef, pushRef, remoteRefTip, resolveRemote } from "./transport.js";
import { sleep } from "../util/sleep.js";
import { REF_KEPT_MOVING_HINT, refKeptMoving } from "../messages.js";

export interface ShareOptions {
  /** The work tree's top level. */
  root: string;
  config: HandoffConfig;
  /** A configured remote; default: the branch's upstream remote, else "origin". */
  remote?: string;
  /** pull only: the branch whose states to fetch, when it is not the current one (a cloud agent's own branch). */
  branch?: string;
  env?: NodeJS.ProcessEnv;
}

export interface PushStatesResult {
  branch: string;
  remote: string;
  ref: string;
  /** The commit the remote's ref points at afterwards; undefined when there was no state to push. */
  commit?: string;
  /** The agents whose state this clone sent (newer than, or absent from, the remote's). */
  sent: string[];
  /** The agents whose state on the remote stays, being newer than this clone's. */
  keptRemote: string[];
  /** False when the remote already held exactly these states. */
  changed: boolean;
  /** How many secrets were redacted from what was committed. */
  redactions: number;
  notes: string[];
}

/** How often a push is redone when the remote's ref moves between our fetch and our push. */
const MAX_ATTEMPTS = 5;

async function redacted(states: Map<string, SessionState>): Promise<{ states: Map<string, SessionState>; count: number }> {
  // Loaded only here: the secret detectors are the heaviest part of handoff.
  const { redactDeep } = await import("../redact/redact.js");
  const result = new Map<string, SessionState>();
  let count = 0;
  for (const [agent, state] of states) {
    const clean = await redactDeep(state);
    result.set(agent, clean.value);
    count += clean.count;
  }
  return { states: result, count };
}

/** The branch, its handoff ref and the remote, each checked before it reaches git. */
export async function shareTarget(options: ShareOptions): Promise<{ branch: string; ref: string; remote: string; fetched: string }> {
  const branch = options.branch ?? (await currentBranch(options.root, options.env));
  const ref = handoffRefOf(branch);
  await assertRefName(options.root, ref, `the branch "${branch}"`);
  const remote = await resolveRemote(options.root, branch, options.remote, options.env);
  const fetched = fetchedRefOf(remote, branch);
  await assertRefName(options.root, fetched, `the remote "${remote}"`);
  return { branch, ref, remote, fetched };
}

/**
 * `handoff push`: commits this work tree's states (redacted) to `refs/handoff/<branch>`, merged
 * per agent with what the remote holds (the newer state wins), and pushes that ref with git.
 * Only git's object store and the handoff refs change: no branch, index or work-tree file.
 */
export async function pushStates(options: ShareOptions): Promise<PushStatesResult> {
  const { root, env } = options;
  const { branch, ref, remote, fetched } = await shareTarget({ ...options, branch: undefined });
  const local = readLocalStates(root, options.config);
  if (local.states.size === 0) {
    // Nothing to share: the remote's ref is left as it is, and no empty commit is made.
    return { branch, remote, ref, sent: [], keptRemote: [], changed: false, redactions: 0, notes: local.notes };
  }
  const mine = await redacted(local.states);
  const agents = agentsByName(options.config);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const notes = [...local.notes];
    let remoteTip = await remoteRefTip(root, remote, ref, env);
    let theirs = new Map<string, SessionState>();
    if (remoteTip) {
      await fetchRef(root, remote, ref, fetched, env);
      // What was fetched, which may be newer than what ls-remote saw a moment before.
      remoteTip = (await readRef(root, fetched, env)) ?? remoteTip;
      const read = await readStatesAt(root, fetched, `${remote} ${ref}`, (agent) => agents.has(agent));
      theirs = read.states;
      notes.push(...read.notes);
    }
    const { states: merged, fromMine: sent, theirsNewer: keptRemote } = mergeByAgent(theirs, mine.states);
    const tree = await writeStatesTree(root, merged);
    const previous = await readRef(root, ref, env);
    const base = { branch, remote, ref, sent, keptRemote, redactions: mine.count, notes };
    if (remoteTip && (await treeIdOf(root, remoteTip)) === tree) {
      // Already there: the local ref follows the remote's, so the next push builds on it.
      await compareAndSwapRef(root, ref, remoteTip, previous);
      return { ...base, commit: remoteTip, sent: [], changed: false };
    }
    const parents = [previous, remoteTip].filter((id): id is string => id !== undefined);
    const message = `handoff: states of ${branch}\n\nagents: ${[...merged.keys()].sort().join(", ") || "(none)"}\n`;
    const commit = await commitTree(root, tree, parents, message, env);
    if (!(await compareAndSwapRef(root, ref, commit, previous))) continue; // another push here moved it
    if ((await pushRef(root, remote, ref, env)) === "pushed") return { ...base, commit, changed: true };
    // Lost the race to another push: give it a moment, then fetch, merge and try again.
    await sleep(50 + Math.random() * 200 * attempt);
  }
  throw new HandoffError("E_GIT", refKeptMoving(ref, remote, MAX_ATTEMPTS), {
    hint: REF_KEPT_MOVING_HINT,
  });
}
