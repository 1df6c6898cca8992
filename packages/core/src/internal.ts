/**
 * `@handoff/core/internal`: the public API (./index.ts) and what the CLI and the hooks share
 * beyond it. No stability promise: anything here may change in any release. Other tooling
 * imports `@handoff/core`.
 */
export * from "./index.js";

export { detectProvider } from "./agents/provider.js";

export { gitClient } from "./git/client.js";
export { gitEnvironment } from "./git/env.js";
export { findReferences } from "./git/references.js";
export { readGithubReferences, mergeReferences } from "./git/github.js";
export { commitWorkInProgress, refuseMidOperation, stashWorkInProgress } from "./git/work-in-progress.js";
export { runGit, gitOutput, splitNul } from "./git/run-git.js";
export type { GitRun, GitRunOptions } from "./git/run-git.js";

export { RULE } from "./views/restore-view.js";
export { summarizeState } from "./views/summary.js";
export { origin } from "./views/origin.js";
export { validationLines } from "./views/validation-lines.js";
export { displaySafe, displaySafeDeep, displaySafeLines } from "./util/sanitize.js";

export { DEFAULT_VALIDATION } from "./state/build.js";
export { isoTimestamp } from "./state/timestamp.js";
export { takePendingReason } from "./state/hand-over.js";
export { gitSection, filesFromGit } from "./state/git-section.js";

export { readStateFileLazily, readStateFileQuickly } from "./store/quick-read.js";
export { writeFileAtomic, writeQuietly } from "./store/atomic-write.js";
export { withFileLock } from "./store/lock.js";
export type { HeldLock } from "./store/lock.js";
export { ensureIgnored, ignoreEntry } from "./store/gitignore.js";
export { agentIn } from "./workflows/open-repo.js";
export { stateNotFound } from "./workflows/load-session.js";

export { hexDigest } from "./util/hash.js";
export { findExecutable } from "./util/find-executable.js";
export { isPathInside, joinNames, relativeInside } from "./util/paths.js";
export { sleep } from "./util/sleep.js";
export { modifiedAt } from "./util/path-exists.js";
export { isObjectId } from "./util/object-id.js";
export { readBoundedFile, readBoundedText, MAX_SMALL_FILE_BYTES } from "./util/read-bounded.js";
export type { BoundedReadOptions } from "./util/read-bounded.js";

export { mergeSessionInput } from "./sessions/read-latest.js";
export { sessionReaderFor } from "./sessions/readers.js";
export { currentEnvironment } from "./sessions/env.js";
export { readAgentSessionIncrementally } from "./sessions/incremental.js";
export type { IncrementalReadOptions, IncrementalReadResult, IncrementalReadKind } from "./sessions/incremental.js";
export type { SessionReader, FoundSession, SessionLookup, SessionReading } from "./sessions/types.js";

export { ruleShapeSchema, ruleProblems, rulesProblems, ruleFiles } from "./schema/rule.js";
export type { RuleProblem } from "./schema/rule.js";
export { anyRuleAppliesTo } from "./rules/compile.js";
export { createRuleChecker, looksBinary, violationMessage, MAX_RULE_FILE_BYTES, WHOLE_FILE_LINE } from "./rules/check-files.js";
export type { RuleChecker } from "./rules/check-files.js";
export { RULE_TIME_BUDGET_MS } from "./rules/matcher.js";
export { changedFiles, assertObjectId } from "./rules/commit-files.js";
export { readBlobFiles } from "./rules/read-blobs.js";
export type { BlobBatch } from "./rules/read-blobs.js";
export { formatUncheckedRule, formatSkippedFile, countOf } from "./rules/format.js";

export { planChecks, CHECK_LABELS, DEFAULT_CHECK_SCRIPTS } from "./checks/plan-checks.js";
export type { PlannedCheck } from "./checks/plan-checks.js";
export { detectPackageManager, PACKAGE_MANAGERS } from "./checks/package-manager.js";
export type { PackageManager } from "./checks/package-manager.js";
export { runCheck, runChecks, skippedChecks } from "./checks/run-check.js";
export type { CheckOutcome, CheckVerdict, RunCheckOptions } from "./checks/run-check.js";
export { buildValidation, strictRulesResult, validationFailed, MAX_RECORDED_VIOLATIONS } from "./checks/validation-result.js";
export type { ValidationInput } from "./checks/validation-result.js";
export { recordValidation, withValidation } from "./checks/record-validation.js";
export type { RecordValidationOptions, RecordValidationResult, RecordedValidation } from "./checks/record-validation.js";

export { pushStates } from "./share/push.js";
export type { ShareOptions, PushStatesResult } from "./share/push.js";
export { pullStates } from "./share/pull.js";
export type { PullStatesResult, PulledState, PulledAction } from "./share/pull.js";
export { handoffRefOf, currentBranch } from "./share/handoff-ref.js";
