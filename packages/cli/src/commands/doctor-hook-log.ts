import path from "node:path";
import { displaySafe, type RepoPaths } from "@handoff/core/internal";
import { hookLogPath, markHookErrorsResolved, refreshAgentStates, unresolvedHookErrors } from "@handoff/hooks";
import { age } from "./age.js";
import { finding, type DoctorFinding } from "./doctor-finding.js";
import { hookErrorCount } from "../messages/common.js";
import { FIX_HOOK_LOG, FIX_HOOK_LOG_INSTALL, FIX_REFRESH, hookErrorsCleared, hookLogSummary, keptNoHooks, NO_HOOK_ERRORS, refreshStillFails } from "../messages/doctor.js";

/**
 * Errors the git hooks logged that still matter. With `fix`, the hooks' work is tried once now
 * (a refresh of the states); when it succeeds the errors are marked as resolved, so that neither
 * doctor nor `status` repeats them, and the log itself is kept.
 */
export async function hookLogFindings(repo: RepoPaths, fix: boolean, hooksRun: boolean): Promise<DoctorFinding[]> {
  const errors = unresolvedHookErrors(repo.gitDir);
  const log = path.relative(repo.root, hookLogPath(repo.gitDir));
  if (errors.length === 0) return [finding("Hook log", "ok", NO_HOOK_ERRORS)];
  const last = errors.at(-1)!;
  const summary = hookLogSummary(hookErrorCount(errors.length), log, last.hook, age(last.time.toISOString()), displaySafe(last.message.split("\n")[0] ?? ""));
  if (!fix) return [finding("Hook log", "fail", summary, FIX_HOOK_LOG)];
  // A refresh that works from this command proves little while git does not run the hooks.
  if (!hooksRun) return [finding("Hook log", "fail", keptNoHooks(summary), FIX_HOOK_LOG_INSTALL)];
  const still = await refreshFailures(repo);
  if (still) {
    return [finding("Hook log", "fail", refreshStillFails(summary, displaySafe(still)), FIX_REFRESH)];
  }
  markHookErrorsResolved(repo.gitDir);
  return [finding("Hook log", "ok", hookErrorsCleared(hookErrorCount(errors.length)))];
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
