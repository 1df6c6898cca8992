import { TASK_PRIORITIES, TASK_STATUSES } from "@handoff/core";

/** What the server tells agents about itself: tool, resource and prompt descriptions. */
export const SERVER_INSTRUCTIONS = [
  "handoff keeps each coding agent's session state (task, status, next steps, git picture, validation) in the repository.",
  "Call handoff_status to see which agents saved a state and whether it is fresh; handoff_restore to read one;",
  "handoff_save to record your own task, status and next steps as you work; handoff_validate to run the project's rules.",
].join(" ");

export const TOOL_TEXT = {
  status: {
    title: "Handoff status",
    description: "Every agent state saved in this repository, with its freshness (fresh, or stale and why), branch, age and task.",
  },
  restore: {
    title: "Restore a handoff",
    description:
      "What `handoff restore` prints for an agent: format view (readable summary), prompt (the Markdown handoff prompt, " +
      "within max_tokens) or json (the state). A state the repository has moved past is refreshed first.",
  },
  save: {
    title: "Save a handoff",
    description:
      "Update an agent's session state as `handoff save` does: the git part read fresh, the fields given here replace " +
      "the saved ones, every other field kept. Call it when the task, its status or the next steps change.",
  },
  validate: {
    title: "Validate",
    description:
      "Run the STRICT/FLEXIBLE rules (and, with checks: true, the typecheck, lint and test scripts) and record the " +
      "results in the session states; violations come back as file:line with the rule and the fix.",
  },
} as const;

export const FIELD_TEXT = {
  agent: "the agent whose state this is: claude, opencode, copilot, codex, gemini, cursor... (handoff agents lists them)",
  format: "view: a readable summary; prompt: the Markdown handoff prompt; json: the state itself",
  maxTokens: "with format prompt: the token budget (default: the agent's maxTokens); the rest is shortened",
  task: "the task description",
  status: `task status: ${TASK_STATUSES.join(" | ")}`,
  priority: `task priority: ${TASK_PRIORITIES.join(" | ")}`,
  nextSteps: "the next steps, in order; replaces the saved list",
  reason: "why the work is handed over (escalation, rate limit...)",
  model: "the model, e.g. claude-sonnet-4",
  validateAgent: "record only in this agent's state (saved first when it has none); default: every saved state",
  checks: "also run the typecheck, lint and test scripts (slower); default: only the rules",
  promptFrom: "the agent to continue from",
  escalateFrom: "the agent whose work is escalated",
} as const;

/** The CLI's wording for a value outside a fixed set (args.ts oneOf), with the tool's field name. */
export function notOneOf(field: string, allowed: readonly string[], got: unknown): string {
  return `${field} must be one of ${allowed.join(", ")}; got ${JSON.stringify(got)}`;
}

export const RESOURCE_TEXT = {
  state: { title: "Session state", description: "An agent's saved session state (JSON), redacted", mimeType: "application/json" },
  prompt: { title: "Handoff prompt", description: "The Markdown handoff prompt from an agent's state, redacted", mimeType: "text/markdown" },
} as const;

export const PROMPT_TEXT = {
  restore: { title: "Continue from an agent", description: "The handoff prompt from an agent's saved state: continue its work here" },
  escalate: {
    title: "Escalate",
    description: "The escalation prompt from an agent's saved state, with its STRICT rule violations (run handoff_validate first)",
  },
} as const;

export const CORRUPT_STATE_HINT =
  "handoff_save leaves it as it is; fix the file, or run `handoff save <agent>` in a terminal, which moves it aside and writes a fresh one";

/** The tools' answers; the texts they share with the commands come from those commands' modules. */
export const toolStateBroken = (agent: string, file: string, message: string, hint: string | undefined) =>
  `❌ ${agent} (${file}): ${message}${hint ? `\n   ${hint}` : ""}`;
export const toolFreshness = (agent: string, freshness: string | undefined, why: string) => `${agent}: ${freshness}${why}`;
export const toolBranch = (branch: string) => `branch ${branch}`;
export const toolTask = (description: string, status: string | undefined) => `task: ${description}${status ? ` [${status}]` : ""}`;
export const CALL_SAVE = "Call handoff_save with your agent name to save one.";
export const VALIDATION_PASSED = "✅ Validation passed";
export const VALIDATION_FAILED = "❌ Validation failed";
export const VIOLATIONS_TITLE = "Violations (file:line  severity  rule  message  (fix)):";

/** Why a state no longer matches the repository (handoff_status' stale_because). */
export const NO_FRESHNESS_RECORD = "the state records no freshness (saved by an older handoff or by hand)";
export const REF_MOVED = "HEAD points elsewhere (another branch was checked out)";
export const HEAD_MOVED = "new commits (HEAD moved)";
export const INDEX_CHANGED = "the staged files changed";
