import { joinNames } from "@handoff/core/internal";

/** handoff's own folder inside a git directory: the hook log, the refresh queue, the hook runner. */
export function handoffFolder(gitDir: string): string {
  return joinNames(gitDir, "handoff");
}

/** Where the hooks write their errors: inside the git directory, never in the user's git output. */
export function hookLogPath(gitDir: string): string {
  return joinNames(handoffFolder(gitDir), "hooks.log");
}

/** What the last background refresh did: read when troubleshooting (docs/hooks.md), by tests and benchmarks. */
export function lastRefreshPath(gitDir: string): string {
  return joinNames(handoffFolder(gitDir), "last-refresh.json");
}

/** The fast path the installed hooks source before they start the runner (fast-path-script.ts). */
export function fastPathPath(commonGitDir: string): string {
  return joinNames(handoffFolder(commonGitDir), "fast-path.sh");
}

/** The shell runner every installed hook calls; it lives in the common git directory. */
export function runnerPath(commonGitDir: string): string {
  return joinNames(handoffFolder(commonGitDir), "hook.sh");
}

/**
 * The refresh queue marker. The shell runner creates it (atomically, with noclobber) when a hook
 * event starts a background refresh, and writes the refresh's process id and boot id into it; a
 * later event that finds it, owned by a live process, starts nothing. The refresh removes it once
 * it holds the refresh lock, just before it reads git.
 */
export function refreshQueuePath(gitDir: string): string {
  return joinNames(handoffFolder(gitDir), "refresh.queued");
}

/**
 * Touched by every `handoff hooks install`: a file of the recorded handoff that is newer than
 * this was written after the install (by a checkout, say), and the hooks will not run it.
 */
export function installStampPath(commonGitDir: string): string {
  return joinNames(handoffFolder(commonGitDir), "installed");
}
