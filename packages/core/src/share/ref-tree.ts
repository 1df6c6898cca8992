import { HandoffError } from "../errors.js";
import { gitOutput, runGit, splitNul } from "../git/run-git.js";
import type { SessionState } from "../schema/session-state.js";
import { MAX_STATE_BYTES, parseState } from "../parse/parse.js";
import { stringifyState } from "../parse/stringify.js";
import { NOT_WRITTEN_BY_PUSH_HINT, notACommit, TREE_TOO_LARGE_HINT, treeTooLarge } from "../messages.js";

/** A handoff ref's tree holds one `<agent>.json` per agent, and nothing else. */
const ENTRY_NAME = /^([a-z][a-z0-9_-]{0,63})\.json$/;
/** What handoff reads of a fetched tree: a few dozen short entries. Anything larger is refused unread. */
export const MAX_SHARED_TREE_BYTES = 16 * 1024;
export const MAX_SHARED_AGENTS = 64;

export interface StatesAt {
  states: Map<string, SessionState>;
  /** Entries that were skipped, and why: a fetched ref is another machine's (or anyone's) content. */
  notes: string[];
}

async function objectType(root: string, id: string): Promise<string> {
  const result = await runGit(root, ["cat-file", "-t", id]);
  return result.code === 0 ? result.stdout.toString("utf8").trim() : "";
}

/** The commit's tree, refused when it is larger than a list of states can be. */
async function treeOf(root: string, commit: string, label: string): Promise<string> {
  if ((await objectType(root, commit)) !== "commit") {
    throw new HandoffError("E_GIT", notACommit(label), { hint: NOT_WRITTEN_BY_PUSH_HINT });
  }
  const tree = (await gitOutput(root, ["rev-parse", "--verify", `${commit}^{tree}`])).toString("utf8").trim();
  const size = Number((await gitOutput(root, ["cat-file", "-s", tree])).toString("utf8").trim());
  if (!(size <= MAX_SHARED_TREE_BYTES)) {
    throw new HandoffError("E_STATE_TOO_LARGE", treeTooLarge(label, size, MAX_SHARED_TREE_BYTES), {
      hint: TREE_TOO_LARGE_HINT,
    });
  }
  return tree;
}

interface TreeEntry {
  mode: string;
  type: string;
  id: string;
  size: number;
  name: string;
}

function parseTreeEntry(line: string): TreeEntry | undefined {
  const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(line);
  if (!match) return undefined;
  return { mode: match[1]!, type: match[2]!, id: match[3]!, size: Number(match[4]), name: match[5]! };
}

/**
 * The states in a handoff commit, each parsed and validated as a state file is. Entries that are
 * not `<agent>.json` blobs, too large, unknown to `isKnown`, or invalid are skipped with a note.
 */
export async function readStatesAt(root: string, commit: string, label: string, isKnown: (agent: string) => boolean): Promise<StatesAt> {
  const tree = await treeOf(root, commit, label);
  const lines = splitNul(await gitOutput(root, ["ls-tree", "-z", "-l", tree]));
  const states = new Map<string, SessionState>();
  const notes: string[] = [];
  if (lines.length > MAX_SHARED_AGENTS) notes.push(`${label}: only the first ${MAX_SHARED_AGENTS} of ${lines.length} entries were read`);
  for (const line of lines.slice(0, MAX_SHARED_AGENTS)) {
    const entry = parseTreeEntry(line);
    const agent = entry && ENTRY_NAME.exec(entry.name)?.[1];
    if (!entry || !agent || entry.type !== "blob" || entry.mode !== "100644") {
      notes.push(`${label}: skipped "${entry?.name ?? line}", which is not an <agent>.json file`);
      continue;
    }
    if (!isKnown(agent)) {
      notes.push(`${label}: skipped ${agent}.json: no agent "${agent}" here (add it to handoff.config.json under "agents")`);
      continue;
    }
    if (!(entry.size <= MAX_STATE_BYTES)) {
      notes.push(`${label}: skipped ${agent}.json: ${entry.size} bytes, over the ${MAX_STATE_BYTES}-byte limit`);
      continue;
    }
    try {
      const text = (await gitOutput(root, ["cat-file", "blob", entry.id])).toString("utf8");
      states.set(agent, parseState(text, `${label}:${entry.name}`).state);
    } catch (error) {
      notes.push(`skipped ${agent}.json: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { states, notes };
}

/** Writes the states as blobs and a tree (git hash-object and mktree), touching no index; returns the tree id. */
export async function writeStatesTree(root: string, states: ReadonlyMap<string, SessionState>): Promise<string> {
  let listing = "";
  for (const agent of [...states.keys()].sort()) {
    const blob = (await gitOutput(root, ["hash-object", "-w", "--stdin"], { input: stringifyState(states.get(agent)!) })).toString("utf8").trim();
    listing += `100644 blob ${blob}\t${agent}.json\0`;
  }
  return (await gitOutput(root, ["mktree", "-z"], { input: listing })).toString("utf8").trim();
}

/** The tree id of a commit. */
export async function treeIdOf(root: string, commit: string): Promise<string> {
  return (await gitOutput(root, ["rev-parse", "--verify", `${commit}^{tree}`])).toString("utf8").trim();
}
