import type { GitSnapshot } from "../git/snapshot.js";
import type { GitState } from "../schema/session-state.js";
import { GIT_KEYS } from "../schema/key-order.js";
import { capList, omittedCount } from "./cap-list.js";
import { keepUnknownKeys } from "./known-keys.js";

/** The `git` part of a state, computed from a snapshot; other tools' keys in `previous` survive. */
export function gitSection(snapshot: GitSnapshot, previous?: GitState): GitState {
  const { status } = snapshot;
  const hasUpstream = status.upstream !== null;
  // Lists that grow with the repository are capped, so that the state stays readable.
  const staged = capList(status.staged);
  const conflicted = capList(status.conflicted);
  const known: GitState = {
    branch: snapshot.branch ?? "",
    uncommitted_changes:
      status.staged.length + status.unstaged.length + status.untracked.length + status.conflicted.length > 0,
    staged_files: staged.kept,
    last_commit: snapshot.lastCommit?.shortHash ?? "",
    issues: snapshot.references.issues,
    prs: snapshot.references.prs,
    detached: status.branch === null && status.head !== null ? true : undefined,
    upstream: status.upstream ?? undefined,
    ahead: hasUpstream ? status.ahead : undefined,
    behind: hasUpstream ? status.behind : undefined,
    conflicted_files: status.conflicted.length ? conflicted.kept : undefined,
    operation: snapshot.operation,
    staged_files_omitted: omittedCount(staged),
    conflicted_files_omitted: omittedCount(conflicted),
  };
  return keepUnknownKeys(known, previous, GIT_KEYS);
}

/** The files an agent changed, as git sees them: changed tracked files, and added or new ones. */
export function filesFromGit(snapshot: GitSnapshot): { modified: string[]; created: string[] } {
  const { status } = snapshot;
  return {
    modified: [...status.modified, ...status.conflicted],
    created: [...status.added, ...status.untracked],
  };
}
