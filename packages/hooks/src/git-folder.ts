import path from "node:path";

/** handoff's own folder inside a git directory: the hook log, the refresh queue, the hook runner. */
export function handoffFolder(gitDir: string): string {
  return path.join(gitDir, "handoff");
}

/** Where the hooks write their errors: inside the git directory, never in the user's git output. */
export function hookLogPath(gitDir: string): string {
  return path.join(handoffFolder(gitDir), "hooks.log");
}

/** What the last background refresh did: read when troubleshooting (docs/hooks.md), by tests and benchmarks. */
export function lastRefreshPath(gitDir: string): string {
  return path.join(handoffFolder(gitDir), "last-refresh.json");
}

/** The shell runner every installed hook calls; it lives in the common git directory. */
export function runnerPath(commonGitDir: string): string {
  return path.join(handoffFolder(commonGitDir), "hook.sh");
}
