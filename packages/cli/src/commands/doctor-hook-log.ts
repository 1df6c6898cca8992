import path from "node:path";
import { displaySafe, type RepoPaths } from "@handoff/core/internal";
import { hookLogPath, markHookErrorsResolved, refreshAgentStates, unresolvedHookErrors } from "@handoff/hooks";
import { age } from "./age.js";
import { finding, type DoctorFinding } from "./doctor-finding.js";

/**
 * Errors the git hooks logged that still matter. With `fix`, the hooks' work is tried once now
 * (a refresh of the states); when it succeeds the errors are marked as resolved, so that neither
 * doctor nor `status` repeats them, and the log itself is kept.
 */
export async function hookLogFindings(repo: RepoPaths, fix: boolean, hooksRun: boolean): Promise<DoctorFinding[]> {
  const errors = unresolvedHookErrors(repo.gitDir);
  const log = path.relative(repo.root, hookLogPath(repo.gitDir));
  if (errors.length === 0) return [finding("Hook log", "ok", "no unresolved hook errors")];
  const last = errors.at(-1)!;
  const summary = `${errors.length === 1 ? "an error" : `${errors.length} errors`} in ${log}; the latest (${last.hook}, ${age(last.time.toISOString())}): ${displaySafe(last.message.split("\n")[0] ?? "")}`;
  if (!fix) return [finding("Hook log", "fail", summary, "fix the cause, then: handoff doctor --fix")];
  // A refresh that works from this command proves little while git does not run the hooks.
  if (!hooksRun) return [finding("Hook log", "fail", `${summary}; kept, as git does not run handoff's hooks here yet`, "handoff hooks install, then: handoff doctor --fix")];
  const still = await refreshFailures(repo);
  if (still) {
    return [finding("Hook log", "fail", `${summary}; a refresh still fails: ${displaySafe(still)}`, "fix that, then run handoff doctor --fix again")];
  }
  markHookErrorsResolved(repo.gitDir);
  return [finding("Hook log", "ok", `cleared ${errors.length === 1 ? "an error" : `${errors.length} errors`}: a refresh now succeeds (the log keeps them)`)];
}

/** What a refresh of the states, as the hooks run it, still fails on; undefined when it succeeds. */
async function refreshFailures(repo: RepoPaths): Promise<string | undefined> {
  try {
    const report = await refreshAgentStates(repo);
    return report.failed.length ? report.failed.map((failure) => `${failure.file}: ${failure.message.split("\n")[0]}`).join("; ") : undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}
