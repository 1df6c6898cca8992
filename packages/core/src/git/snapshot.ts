import type { Freshness, GitOperation } from "../schema/session-state.js";
import { gitReader } from "./client.js";
import { gitCommandFailed } from "./run-git.js";
import { indexFingerprint } from "./fingerprint.js";
import { readHeadRef } from "./head-ref.js";
import { recentCommits, type CommitSummary } from "./log.js";
import { operationInProgress } from "./operation.js";
import { findReferences, type References } from "./references.js";
import type { RepoPaths } from "./repo.js";
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

/** Everything handoff needs from git, in two git processes run side by side. */
export async function readGitSnapshot(repo: RepoPaths): Promise<GitSnapshot> {
  try {
    return await readSnapshot(repo);
  } catch (error) {
    throw gitCommandFailed("git status or git log", repo.root, error);
  }
}

async function readSnapshot(repo: RepoPaths): Promise<GitSnapshot> {
  // Read before status, so that a change racing with us makes the state look stale, never fresh.
  const index = indexFingerprint(repo.gitDir);
  const statusOutput = gitReader(repo.root).raw([
    "status",
    "--porcelain=v2",
    "-z",
    "--branch",
    "--untracked-files=all",
    "--ignore-submodules=dirty",
  ]);
  // The log runs alongside status (its own client, so the two processes overlap) when HEAD had
  // a commit a moment ago; status still decides whether there is one.
  const early = repo.head ? recentCommits(gitReader(repo.root), SUBJECTS_SCANNED_FOR_REFERENCES) : undefined;
  early?.catch(() => undefined); // a failure surfaces below, where it is awaited, or is moot
  const status = parseStatus(await statusOutput);
  const commits = status.head
    ? await (early ?? recentCommits(gitReader(repo.root), SUBJECTS_SCANNED_FOR_REFERENCES))
    : [];
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
