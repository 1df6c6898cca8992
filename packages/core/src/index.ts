export { HandoffError, isHandoffError } from "./errors.js";
export type { HandoffErrorCode, HandoffErrorOptions } from "./errors.js";

export {
  sessionStateSchema,
  taskSchema,
  contextSchema,
  gitSchema,
  validationSchema,
  violationSchema,
  handoffRecordSchema,
  freshnessSchema,
} from "./schema/session-state.js";
export { CHECK_RESULTS, TASK_STATUSES, TASK_PRIORITIES, GIT_OPERATIONS, SEVERITIES } from "./schema/values.js";
export type {
  SessionState,
  Task,
  TaskStatus,
  TaskPriority,
  CheckResult,
  SessionContext,
  GitState,
  GitOperation,
  Validation,
  Violation,
  HandoffRecord,
  Freshness,
  CommandRun,
} from "./schema/session-state.js";
export { configSchema } from "./schema/config.js";
export type { HandoffConfig, AgentEntry } from "./schema/config.js";
export { ruleSchema } from "./schema/rule.js";
export type { Rule } from "./schema/rule.js";

export { listAgents, getAgent, agentLabel, BUILT_IN_AGENT_NAMES } from "./agents/registry.js";
export type { AgentInfo } from "./agents/registry.js";
export { detectProvider } from "./agents/provider.js";
export { loadConfig } from "./config/load.js";
export { CONFIG_FILE } from "./config/file-name.js";

export { resolveRepo } from "./git/repo.js";
export type { RepoPaths } from "./git/repo.js";
export { gitClient } from "./git/client.js";
export { gitEnvironment } from "./git/env.js";
export { parseStatus } from "./git/status.js";
export type { StatusSummary } from "./git/status.js";
export { readGitSnapshot } from "./git/snapshot.js";
export type { GitSnapshot } from "./git/snapshot.js";
export { findReferences } from "./git/references.js";
export { operationInProgress } from "./git/operation.js";
export { commitWorkInProgress, refuseMidOperation, stashWorkInProgress } from "./git/work-in-progress.js";

export { parseState, formatIssues, MAX_STATE_BYTES } from "./serialize/parse.js";
export type { ParsedState } from "./serialize/parse.js";
export { stringifyState } from "./serialize/stringify.js";
export { renderRestoreView, RULE } from "./serialize/restore-view.js";
export { renderPrompt, pickScenario } from "./serialize/prompt.js";
export type { PromptScenario, PromptOptions } from "./serialize/prompt.js";
export { summarizeState } from "./serialize/summary.js";
export { origin } from "./serialize/origin.js";
export { validationLines } from "./serialize/validation-lines.js";
export { displaySafe, displaySafeDeep, displaySafeLines } from "./serialize/sanitize.js";

export { buildState, refreshGitState, DEFAULT_VALIDATION } from "./state/build.js";
export type { SaveInput, BuildStateOptions } from "./state/build.js";
export { currentFreshness, judgeFreshness } from "./state/freshness.js";
export type { FreshnessVerdict } from "./state/freshness.js";
export { isoTimestamp } from "./state/timestamp.js";
export { handOver, takePendingReason } from "./state/hand-over.js";
export type { HandOverOptions } from "./state/hand-over.js";
export { gitSection, filesFromGit } from "./state/git-section.js";

export {
  updateStateFile,
  refreshExistingStateFile,
  backupStateFile,
} from "./store/state-file.js";
export { statePath } from "./store/state-path.js";
export { readStateFile } from "./store/read-state.js";
export { readStateFileLazily, readStateFileQuickly } from "./store/quick-read.js";
export { hexDigest } from "./util/hash.js";
export type { WriteStateResult, UpdateStateOptions } from "./store/state-file.js";
export { writeFileAtomic, writeQuietly } from "./store/atomic-write.js";
export { withFileLock } from "./store/lock.js";
export type { HeldLock } from "./store/lock.js";
export { ensureIgnored } from "./store/gitignore.js";

export { openRepo, agentIn } from "./workflows/open-repo.js";
export type { OpenedRepo } from "./workflows/open-repo.js";
export { saveSession } from "./workflows/save-session.js";
export type { SaveSessionOptions, SaveSessionResult } from "./workflows/save-session.js";
export { loadSession, stateNotFound } from "./workflows/load-session.js";
export { writeHandOver } from "./workflows/write-hand-over.js";
export type { WriteHandOverOptions, HandOverResult } from "./workflows/write-hand-over.js";
export type { LoadedSession, LoadSessionOptions, LoadedFreshness } from "./workflows/load-session.js";
export { readGithubReferences, mergeReferences } from "./git/github.js";
export { findExecutable } from "./util/find-executable.js";
export { isPathInside, relativeInside } from "./util/paths.js";
export { sleep } from "./util/sleep.js";
export { isObjectId } from "./util/object-id.js";
export { readBoundedFile, readBoundedText, MAX_SMALL_FILE_BYTES } from "./util/read-bounded.js";
export type { BoundedReadOptions } from "./util/read-bounded.js";

export { readAgentSession, hasAgentSession, mergeSessionInput } from "./sessions/read-latest.js";
export type { AgentSession, AgentSessionResult, ReadAgentSessionOptions } from "./sessions/read-latest.js";
export { sessionReaderFor, SESSION_AGENTS } from "./sessions/readers.js";
export { currentEnvironment } from "./sessions/env.js";
export { readAgentSessionIncrementally } from "./sessions/incremental.js";
export type { IncrementalReadOptions, IncrementalReadResult, IncrementalReadKind } from "./sessions/incremental.js";
export type { SessionReader, SessionEnvironment, FoundSession, SessionLookup, SessionReading } from "./sessions/types.js";
export { redactText, redactDeep, REDACTED } from "./redact/redact.js";
export type { Redacted } from "./redact/redact.js";
export { renderPromptWithinBudget, estimateTokens } from "./serialize/budget.js";
export type { BudgetedPrompt, BudgetOptions } from "./serialize/budget.js";

export { ruleShapeSchema, ruleProblems, rulesProblems, ruleFiles } from "./schema/rule.js";
export type { RuleProblem } from "./schema/rule.js";
export { CHECK_NAMES } from "./schema/config.js";
export type { CheckName } from "./schema/config.js";
export { compileRules, anyRuleAppliesTo } from "./rules/compile.js";
export type { CompiledRule } from "./rules/compile.js";
export {
  checkFiles,
  createRuleChecker,
  looksBinary,
  violationMessage,
  MAX_RULE_FILE_BYTES,
  WHOLE_FILE_LINE,
} from "./rules/check-files.js";
export type { SourceFile, SkippedFile, SkipReason, RuleReport, RuleChecker, RuleCheckOptions, UncheckedRule } from "./rules/check-files.js";
export { RULE_TIME_BUDGET_MS } from "./rules/matcher.js";
export { checkWorkingFiles, checkBlobs } from "./rules/run-rules.js";
export type { CheckWorkingFilesOptions, CheckBlobsOptions } from "./rules/run-rules.js";
export { changedFiles, assertObjectId } from "./rules/commit-files.js";
export { readBlobFiles } from "./rules/read-blobs.js";
export type { BlobEntry, BlobBatch } from "./rules/read-blobs.js";
export { runGit, gitOutput, splitNul } from "./git/run-git.js";
export type { GitRun, GitRunOptions } from "./git/run-git.js";
export { formatViolation, formatUncheckedRule, formatSkippedFile, countOf } from "./rules/format.js";
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
export { ignoreEntry } from "./store/gitignore.js";

export { pushStates } from "./share/push.js";
export type { ShareOptions, PushStatesResult } from "./share/push.js";
export { pullStates } from "./share/pull.js";
export type { PullStatesResult, PulledState, PulledAction } from "./share/pull.js";
export { handoffRefOf, currentBranch } from "./share/handoff-ref.js";
