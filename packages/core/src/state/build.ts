import type { GitSnapshot } from "../git/snapshot.js";
import type {
  CommandRun,
  HandoffRecord,
  SessionContext,
  SessionState,
  Task,
  TaskPriority,
  TaskStatus,
  Validation,
} from "../schema/session-state.js";
import { CONTEXT_KEYS, STATE_KEYS, TASK_KEYS } from "../schema/key-order.js";
import { capList, omittedCount } from "./cap-list.js";
import { filesFromGit, gitSection } from "./git-section.js";
import { keepUnknownKeys } from "./known-keys.js";
import { isoTimestamp } from "./timestamp.js";

/** What the user (or an agent's own session) says; each given field wins over the previous state. */
export interface SaveInput {
  task?: string;
  /** The latest request in the agent's session (what was in progress), when it is not the task. */
  latestRequest?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  estimatedTime?: string;
  timeSpent?: string;
  nextSteps?: string[];
  filesModified?: string[];
  filesCreated?: string[];
  commandsRun?: CommandRun[];
  provider?: string;
  model?: string;
  reason?: string;
}

export interface BuildStateOptions {
  agent: string;
  snapshot: GitSnapshot;
  previous?: SessionState;
  input?: SaveInput;
  /** The provider found in the agent's own config, used when neither input nor previous has one. */
  detectedProvider?: string;
  now?: Date;
}

export const DEFAULT_VALIDATION: Validation = {
  typescript: "not_run",
  eslint: "not_run",
  tests: "not_run",
  strict_rules: "pending",
};

function buildTask(previous: Task | undefined, input: SaveInput): Task | undefined {
  const description = input.task ?? previous?.description;
  if (description === undefined) return undefined;
  const startsOver = input.task !== undefined && input.task !== previous?.description;
  const base = startsOver ? undefined : previous;
  return keepUnknownKeys<Task>(
    {
      description,
      status: input.status ?? base?.status ?? "in_progress",
      priority: input.priority ?? base?.priority,
      estimated_time: input.estimatedTime ?? base?.estimated_time,
      time_spent: input.timeSpent ?? base?.time_spent,
      latest_request: input.latestRequest ?? (input.task === undefined ? base?.latest_request : undefined),
    },
    base,
    TASK_KEYS,
  );
}

function buildContext(snapshot: GitSnapshot, previous: SessionContext | undefined, input: SaveInput): SessionContext {
  const fromGit = filesFromGit(snapshot);
  const modified = capList(input.filesModified ?? fromGit.modified);
  const created = capList(input.filesCreated ?? fromGit.created);
  return keepUnknownKeys<SessionContext>(
    {
      files_modified: modified.kept,
      files_created: created.kept,
      files_modified_omitted: omittedCount(modified),
      files_created_omitted: omittedCount(created),
      next_steps: input.nextSteps ?? previous?.next_steps ?? [],
      commands_run: input.commandsRun ?? previous?.commands_run,
    },
    previous,
    CONTEXT_KEYS,
  );
}

/**
 * `save --reason` records why the next handoff will happen. A record of the handoff that brought
 * the work to this agent (`to` is this agent) is history: the new reason starts a fresh record.
 */
function buildHandoff(agent: string, previous: HandoffRecord | undefined, reason: string | undefined): HandoffRecord | undefined {
  if (reason === undefined) return previous;
  return previous?.to === agent ? { reason } : { ...previous, reason };
}

/** A complete v2.0 state for `agent`: git from the snapshot, the rest from input, then the previous state. */
export function buildState(options: BuildStateOptions): SessionState {
  const { agent, snapshot, previous, input = {} } = options;
  const known: SessionState = {
    version: "2.0",
    timestamp: isoTimestamp(options.now),
    agent,
    provider: input.provider ?? previous?.provider ?? options.detectedProvider ?? "unknown",
    model: input.model ?? previous?.model,
    task: buildTask(previous?.task, input),
    context: buildContext(snapshot, previous?.context, input),
    git: gitSection(snapshot, previous?.git),
    validation: previous?.validation ?? DEFAULT_VALIDATION,
    handoff: buildHandoff(agent, previous?.handoff, input.reason),
    freshness: snapshot.freshness,
  };
  return keepUnknownKeys(known, previous, STATE_KEYS);
}

/** The same state with its git part recomputed; task, context and validation stay as they were. */
export function refreshGitState(state: SessionState, snapshot: GitSnapshot): SessionState {
  return { ...state, git: gitSection(snapshot, state.git), freshness: snapshot.freshness };
}
