import type { Freshness, GitOperation } from "../schema/session-state.js";
import { isHandoffError } from "../errors.js";
import { gitEnvironment } from "./env.js";
import { indexFingerprint } from "./fingerprint.js";
import { readHeadRef } from "./head-ref.js";
import { logArgs, parseLog, type CommitSummary } from "./log.js";
import { operationInProgress } from "./operation.js";
import { findReferences, type References } from "./references.js";
import type { RepoPaths } from "./repo.js";
import { gitCommandFailed, runGitSync } from "./run-git.js";
import { parseStatus, type StatusSummary } from "./status.js";

export interface GitSnapshot {
  repo: RepoPaths;
  status: StatusSummary;
  /** The branch the work is on: the checked-out one, or the one a rebase is rewriting. */
  branch: string | null;
  lastCommit: CommitSummary | null;
  operation: GitOperation | undefined;
  references: References;
  freshness: Freshness;
}

const SUBJECTS_SCANNED_FOR_REFERENCES = 20;
const STATUS_ARGS = ["status", "--porcelain=v2", "-z", "--branch", "--untracked-files=all", "--ignore-submodules=dirty"];

/** Everything handoff needs from git, in two git processes. */
export async function readGitSnapshot(repo: RepoPaths): Promise<GitSnapshot> {
  try {
    return await readSnapshot(repo);
  } catch (error) {
    // runGit's own errors (git could not start) already say what is wrong.
    throw isHandoffError(error) ? error : gitCommandFailed("git status or git log", repo.root, error);
  }
}

/**
 * One read-only git command's output. These two reads are the whole of `handoff save` beyond
 * Node's start, so they run as plain child processes (the same cleaned environment as
 * simple-git's client, fixed arguments, nothing from input) rather than through simple-git,
 * whose load and task queue cost save about 10% (bench/README.md, 14), and one after the other
 * with `spawnSync`, like the floor save is measured against: no streams, sockets or event-loop
 * turns to pay for, which cost more than running them side by side saved (bench/README.md, 19).
 */
function readGit(root: string, args: readonly string[], env: NodeJS.ProcessEnv): string {
  const result = runGitSync(root, args, { env });
  if (result.code !== 0) throw new Error(result.stderr.trim() || `git ${args[0]} exited with code ${result.code}`);
  return result.stdout.toString("utf8");
}

async function readSnapshot(repo: RepoPaths): Promise<GitSnapshot> {
  // Read before status, so that a change racing with us makes the state look stale, never fresh.
  const index = indexFingerprint(repo.gitDir);
  // Cleaned once: reading every variable of process.env is slow enough to show on save.
  const env = gitEnvironment();
  const status = parseStatus(readGit(repo.root, STATUS_ARGS, env));
  const commits = status.head ? parseLog(readGit(repo.root, logArgs(SUBJECTS_SCANNED_FOR_REFERENCES), env)) : [];
  const inProgress = operationInProgress(repo.gitDir);
  const branch = status.branch ?? inProgress?.branch ?? null;
  return {
    repo,
    status,
    branch,
    lastCommit: commits[0] ?? null,
    operation: inProgress?.operation,
    references: findReferences(branch, commits.map((commit) => commit.subject)),
    freshness: { head: status.head ?? "", ref: readHeadRef(repo.gitDir), index },
  };
}
