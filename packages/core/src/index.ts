/**
 * The public API of @handoff/core: what other tooling may rely on, kept stable across minor
 * versions. What the CLI and the hooks share beyond it is in ./internal.ts (`@handoff/core/internal`),
 * which may change in any release.
 */
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
export { configSchema, CHECK_NAMES } from "./schema/config.js";
export type { HandoffConfig, AgentEntry, CheckName } from "./schema/config.js";
export { ruleSchema } from "./schema/rule.js";
export type { Rule } from "./schema/rule.js";

export { parseState, formatIssues, MAX_STATE_BYTES } from "./parse/parse.js";
export type { ParsedState } from "./parse/parse.js";
export { stringifyState } from "./parse/stringify.js";
export { renderRestoreView } from "./views/restore-view.js";
export { renderPrompt, pickScenario } from "./prompt/prompt.js";
export type { PromptScenario, PromptOptions } from "./prompt/prompt.js";
export { renderPromptWithinBudget, estimateTokens } from "./prompt/budget.js";
export type { BudgetedPrompt, BudgetOptions } from "./prompt/budget.js";
export { redactText, redactDeep, REDACTED } from "./redact/redact.js";
export type { Redacted } from "./redact/redact.js";

export { listAgents, getAgent, agentLabel, BUILT_IN_AGENT_NAMES } from "./agents/registry.js";
export type { AgentInfo } from "./agents/registry.js";
export { loadConfig } from "./config/load.js";
export { CONFIG_FILE } from "./config/file-name.js";

export { resolveRepo } from "./git/repo.js";
export type { RepoPaths } from "./git/repo.js";
export { readGitSnapshot } from "./git/snapshot.js";
export type { GitSnapshot } from "./git/snapshot.js";
export { parseStatus } from "./git/status.js";
export type { StatusSummary } from "./git/status.js";
export { operationInProgress } from "./git/operation.js";

export { buildState, refreshGitState } from "./state/build.js";
export type { SaveInput, BuildStateOptions } from "./state/build.js";
export { currentFreshness, judgeFreshness } from "./state/freshness.js";
export type { FreshnessVerdict } from "./state/freshness.js";
export { handOver } from "./state/hand-over.js";
export type { HandOverOptions } from "./state/hand-over.js";

export { statePath } from "./store/state-path.js";
export { readStateFile } from "./store/read-state.js";
export { updateStateFile, refreshExistingStateFile, backupStateFile } from "./store/state-file.js";
export type { WriteStateResult, UpdateStateOptions } from "./store/state-file.js";

export { openRepo } from "./workflows/open-repo.js";
export type { OpenedRepo } from "./workflows/open-repo.js";
export { saveSession } from "./workflows/save-session.js";
export type { SaveSessionOptions, SaveSessionResult } from "./workflows/save-session.js";
export { loadSession } from "./workflows/load-session.js";
export type { LoadedSession, LoadSessionOptions, LoadedFreshness } from "./workflows/load-session.js";
export { writeHandOver } from "./workflows/write-hand-over.js";
export type { WriteHandOverOptions, HandOverResult } from "./workflows/write-hand-over.js";

export { readAgentSession, hasAgentSession } from "./sessions/read-latest.js";
export type { AgentSession, AgentSessionResult, ReadAgentSessionOptions } from "./sessions/read-latest.js";
export { SESSION_AGENTS } from "./sessions/readers.js";
export type { SessionEnvironment } from "./sessions/types.js";

export { compileRules } from "./rules/compile.js";
export type { CompiledRule } from "./rules/compile.js";
export { checkWorkingFiles, checkBlobs } from "./rules/run-rules.js";
export type { CheckWorkingFilesOptions, CheckBlobsOptions } from "./rules/run-rules.js";
export { checkFiles } from "./rules/check-files.js";
export type { SourceFile, RuleCheckOptions, RuleReport, SkippedFile, SkipReason, UncheckedRule } from "./rules/check-files.js";
export type { BlobEntry } from "./rules/read-blobs.js";
export { formatViolation } from "./rules/format.js";
