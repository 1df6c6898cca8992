import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE, joinNames, listAgents, readBoundedText, writeQuietly, type HandoffConfig, type RepoPaths, type SessionState } from "@handoff/core/internal";
import { handoffFolder } from "../git-folder.js";

/**
 * What a session start decides on: the newest saved state in this work tree, reduced to the fields
 * the decision reads. The full state is read only when it is handed over.
 */
export interface NewestState {
  /** The agent whose state file it is. */
  owner: string;
  timestamp: string;
  /** The agent the state says it is (a state handed over by `switch` names its receiver). */
  agent: string;
  branch: string;
  from?: string;
  to?: string;
}

export function newestStateOf(owner: string, state: SessionState): NewestState {
  const { from, to } = state.handoff ?? {};
  return { owner, timestamp: state.timestamp, agent: state.agent, branch: state.git.branch, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** What the agent hooks remember as given: `<owner>@<timestamp>`. */
export function handoverKey(newest: NewestState): string {
  return `${newest.owner}@${newest.timestamp}`;
}

/** The agent's own work, saved by itself (a state handed over to it by another agent is not). */
function isOwnWork(newest: NewestState, agent: string): boolean {
  if (newest.agent !== agent) return false;
  return !(newest.to === agent && newest.from !== undefined && newest.from !== agent);
}

/**
 * Whether a session start of `agent` on `branch` is given the newest state: when it is another
 * agent's (or was handed over to this one), on the same branch, and not yet given (`seen`).
 */
export function shouldHandOver(newest: NewestState | undefined, agent: string, branch: string, seen: string | undefined): newest is NewestState {
  return newest !== undefined && !isOwnWork(newest, agent) && newest.branch === branch && seen !== handoverKey(newest);
}

/*
 * The summary file. A session start with nothing to hand over is the common case, and it runs
 * before the agent's first turn: it answers from this small file instead of finding, reading and
 * parsing every agent's state file. The file names each file the answer was read from (the config
 * file and every agent's state file, relative to the work tree's top level) with its stat
 * signature, taken before the file was read. Any write to any of them (by handoff or by anyone
 * else: an editor, a checkout, a restore from a backup) gives it a new inode or a new change time,
 * so a summary that is out of date is never used: the session start then reads the files, as it
 * would without a summary, and writes a new one. It lives in handoff's folder of the git directory
 * (per work tree), never in an agent's folder.
 */

const SUMMARY_VERSION = 1;
/** Twenty-odd paths and one state's summary: far below this. Anything larger is not ours. */
const MAX_SUMMARY_BYTES = 64 * 1024;

interface Summary {
  version: typeof SUMMARY_VERSION;
  /** The work tree's top level it was made for: the one git directory can serve another work tree. */
  root: string;
  /** The built-in agents' state files this summary was made with (a new handoff version may add some). */
  builtIns: string;
  /** File (relative, forward slashes) -> stat signature, for the config file and each state file. */
  sources: Record<string, string>;
  newest: NewestState | null;
}

export function newestStateSummaryPath(gitDir: string): string {
  return joinNames(handoffFolder(gitDir), "newest-state.json");
}

const builtInFiles = () =>
  listAgents()
    .map((agent) => agent.file)
    .join("\n");

/**
 * The stat signature of `file`: device, inode, size, modification and change time (in ms, to a
 * fraction of a microsecond). "-" for no file; the error's code for a path that cannot be looked
 * at. Nothing is opened, so a FIFO or a device costs a `stat`, no more.
 */
export function statSignature(file: string): string {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : "-";
  } catch (error) {
    return `!${(error as NodeJS.ErrnoException).code ?? "error"}`;
  }
}

const fileIn = (root: string, relative: string) => joinNames(root, ...relative.split("/"));

/** The files a summary depends on, with their signatures now: taken before they are read. */
export function summarySources(root: string, config: HandoffConfig): Record<string, string> {
  const files = [CONFIG_FILE, ...listAgents(config).map((agent) => agent.file)];
  return Object.fromEntries(files.map((file) => [file, statSignature(fileIn(root, file))]));
}

/** Writes the summary; a failure to write costs the next session start a full read, nothing else. */
export function writeNewestStateSummary(repo: RepoPaths, sources: Record<string, string>, newest: NewestState | undefined): void {
  const { root, gitDir } = repo;
  const summary: Summary = { version: SUMMARY_VERSION, root, builtIns: builtInFiles(), sources, newest: newest ?? null };
  try {
    const file = newestStateSummaryPath(gitDir);
    mkdirSync(path.dirname(file), { recursive: true });
    writeQuietly(file, `${JSON.stringify(summary)}\n`);
  } catch {
    // a read-only git directory: the session starts read the state files
  }
}

const isText = (value: unknown): value is string => typeof value === "string";
const isOptionalText = (value: unknown) => value === undefined || isText(value);

function isNewestState(value: unknown): value is NewestState {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return isText(entry.owner) && isText(entry.timestamp) && isText(entry.agent) && isText(entry.branch) && isOptionalText(entry.from) && isOptionalText(entry.to);
}

function readSummary(gitDir: string): Summary | undefined {
  try {
    const text = readBoundedText(newestStateSummaryPath(gitDir), { maxBytes: MAX_SUMMARY_BYTES });
    const parsed = text === undefined ? undefined : (JSON.parse(text) as Partial<Summary>);
    if (parsed?.version !== SUMMARY_VERSION || !isText(parsed.root) || !isText(parsed.builtIns) || typeof parsed.sources !== "object" || parsed.sources === null) return undefined;
    if (parsed.newest !== null && !isNewestState(parsed.newest)) return undefined;
    return parsed as Summary;
  } catch {
    return undefined;
  }
}

/**
 * The newest state as the summary in `gitDir` has it (null: there is none), or undefined when the
 * summary is missing, unreadable, made for another work tree, or not made from the files as they
 * are now. Since a summary is used only when every file it was made from is the very same file
 * (or is still absent), a work tree found by a shortcut cannot be given a wrong answer.
 */
export function newestStateFromSummary(root: string, gitDir: string): NewestState | null | undefined {
  const summary = readSummary(gitDir);
  if (!summary || summary.root !== root || summary.builtIns !== builtInFiles()) return undefined;
  const sources = Object.entries(summary.sources);
  if (!sources.some(([file]) => file === CONFIG_FILE)) return undefined;
  for (const [file, signature] of sources) {
    if (!isText(signature) || statSignature(fileIn(root, file)) !== signature) return undefined;
  }
  return summary.newest;
}

/** A `.git` file holds one `gitdir:` line. */
const MAX_DOT_GIT_FILE_BYTES = 4096;

/**
 * The git directory of the work tree whose top level is `root`: its `.git` folder, or where its
 * `.git` file points (a linked worktree, a submodule). Undefined when there is neither. Only a
 * summary made for `root` is used from it (`newestStateFromSummary`), so this needs none of the
 * checks a full repository lookup makes: when in doubt, the full session start decides.
 */
export function gitDirOfTopLevel(root: string): string | undefined {
  const dotGit = path.join(root, ".git");
  try {
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (stat.isDirectory()) return dotGit;
    const pointer = /^gitdir: (.+)$/m.exec(readBoundedText(dotGit, { maxBytes: MAX_DOT_GIT_FILE_BYTES }) ?? "");
    return pointer ? path.resolve(root, pointer[1]!.trim()) : undefined;
  } catch {
    return undefined;
  }
}
