/** Where a repository is: what discovery (from git's files or from git itself) returns. */
export interface RepoPaths {
  /** The work tree's top level. */
  root: string;
  /** This work tree's git directory (per worktree: `.git/worktrees/<name>` in a linked worktree). */
  gitDir: string;
  /** Full commit id of HEAD when it was resolved, or null in a repository with no commits. */
  head: string | null;
}
