import { z } from "zod";
import { CHECK_RESULTS, GIT_OPERATIONS, SEVERITIES, TASK_PRIORITIES, TASK_STATUSES } from "./values.js";

/**
 * Session state v2.0, as in the specification (spec/session-handoff.md).
 * Every object is loose: fields written by other tools survive a read and a write.
 * Fields the spec does not list are optional additions; no v2.0 field changes type.
 *
 * The one description of the state: the JSON Schema (schema/session-state.schema.json, at build)
 * and the zod-free state-fields.generated.ts (quick parser, key order; `generate:state-fields`)
 * are made from it, and tests fail while either lags behind.
 */

export { CHECK_RESULTS, GIT_OPERATIONS, SEVERITIES, TASK_PRIORITIES, TASK_STATUSES } from "./values.js";

const checkResult = z.enum(CHECK_RESULTS);
const fileList = z.array(z.string());
/** Addition: how many names a capped file list left out (it keeps the first ones). */
const omittedCount = z.number().int().nonnegative();

export const taskSchema = z.looseObject({
  description: z.string(),
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  estimated_time: z.string().optional(),
  time_spent: z.string().optional(),
  /** Addition: the user's latest request in the agent's session, when it is not the task itself. */
  latest_request: z.string().optional(),
});

export const commandRunSchema = z.looseObject({
  command: z.string(),
  exit_code: z.number().int().nullable().optional(),
});

export const contextSchema = z.looseObject({
  files_modified: fileList.optional(),
  files_created: fileList.optional(),
  files_modified_omitted: omittedCount.optional(),
  files_created_omitted: omittedCount.optional(),
  next_steps: z.array(z.string()).optional(),
  /** Addition: the last commands the agent ran, read from its own session. */
  commands_run: z.array(commandRunSchema).optional(),
});

export const gitSchema = z.looseObject({
  branch: z.string(),
  uncommitted_changes: z.boolean(),
  staged_files: fileList,
  last_commit: z.string(),
  issues: z.array(z.string()).optional(),
  prs: z.array(z.string()).optional(),
  /** Additions: the rest of the picture a next agent needs. */
  detached: z.boolean().optional(),
  upstream: z.string().optional(),
  ahead: z.number().int().optional(),
  behind: z.number().int().optional(),
  conflicted_files: fileList.optional(),
  operation: z.enum(GIT_OPERATIONS).optional(),
  staged_files_omitted: omittedCount.optional(),
  conflicted_files_omitted: omittedCount.optional(),
});

export const violationSchema = z.looseObject({
  file: z.string(),
  line: z.number().int().nonnegative(),
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  fix: z.string().optional(),
});

export const validationSchema = z.looseObject({
  typescript: checkResult.optional(),
  eslint: checkResult.optional(),
  tests: checkResult.optional(),
  strict_rules: checkResult.optional(),
  /** Addition: the rule violations behind `strict_rules`. */
  violations: z.array(violationSchema).optional(),
  checked_at: z.string().optional(),
});

/** Addition: the record of the last handoff between agents. */
export const handoffRecordSchema = z.looseObject({
  from: z.string().optional(),
  /** The provider the `from` agent was using. */
  from_provider: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
  at: z.string().optional(),
  /** The WIP commit `switch --commit` made. */
  commit: z.string().optional(),
  /** The stash `switch --stash` made, by its message. */
  stash: z.string().optional(),
});

/** Addition: what the git part was computed from, so a reader can tell it is stale. */
export const freshnessSchema = z.looseObject({
  head: z.string(),
  ref: z.string(),
  index: z.string(),
});

export const sessionStateSchema = z.looseObject({
  version: z.literal("2.0"),
  timestamp: z.string(),
  agent: z.string(),
  provider: z.string().optional(),
  model: z.string().optional(),
  task: taskSchema.optional(),
  context: contextSchema.optional(),
  git: gitSchema,
  validation: validationSchema.optional(),
  handoff: handoffRecordSchema.optional(),
  freshness: freshnessSchema.optional(),
});

export type SessionState = z.infer<typeof sessionStateSchema>;
export type Task = z.infer<typeof taskSchema>;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type CheckResult = (typeof CHECK_RESULTS)[number];
export type SessionContext = z.infer<typeof contextSchema>;
export type GitState = z.infer<typeof gitSchema>;
export type GitOperation = (typeof GIT_OPERATIONS)[number];
export type Validation = z.infer<typeof validationSchema>;
export type Violation = z.infer<typeof violationSchema>;
export type HandoffRecord = z.infer<typeof handoffRecordSchema>;
export type Freshness = z.infer<typeof freshnessSchema>;
export type CommandRun = z.infer<typeof commandRunSchema>;
