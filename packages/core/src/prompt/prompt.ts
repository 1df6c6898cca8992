import { agentLabel, type AgentInfo } from "../agents/registry.js";
import type { SessionState, Violation } from "../schema/session-state.js";
import { formatMinutes, parseMinutes } from "./duration.js";
import { origin } from "../views/origin.js";
import { fencedRecord, multilineSafe } from "../views/record-fence.js";
import { displaySafeDeep } from "../util/sanitize.js";
import { validationLines } from "../views/validation-lines.js";

/** The spec's four handoff scenarios, each with its own prompt template. */
export type PromptScenario = "continue" | "escalation" | "offline-validation" | "research";

const ESCALATION = /escalat/i;
const RESEARCH = /research|question|blocked|blocker|unsure|architect/i;
const OFFLINE = /offline|ollama|local/i;

export function pickScenario(state: SessionState): PromptScenario {
  const reason = state.handoff?.reason ?? "";
  const strictViolations = strict(state.validation?.violations);
  if (ESCALATION.test(reason)) return "escalation";
  if (RESEARCH.test(reason) || state.task?.status === "blocked") return "research";
  if (OFFLINE.test(origin(state).provider ?? "")) return "offline-validation";
  if (strictViolations.length > 0 || state.validation?.strict_rules === "fail") return "escalation";
  return "continue";
}

function strict(violations: Violation[] | undefined): Violation[] {
  return (violations ?? []).filter((v) => v.severity === "STRICT");
}

export interface PromptOptions {
  /** The agent that did the work (the state's own `agent` when absent). */
  from?: Pick<AgentInfo, "name" | "label">;
  scenario?: PromptScenario;
  /** More lines for the record block (the recent commands, when the budget leaves room for them). */
  recordExtra?: string[];
}

/** A template's parts: handoff's own words around the record read from the state, which is fenced. */
interface PromptParts {
  intro: string[];
  record: string[];
  closing: string[];
}

function fromLabel(state: SessionState, options: PromptOptions): string {
  const { agent, provider } = origin(state);
  const label = options.from?.label ?? agentLabel(agent);
  return provider && provider !== "unknown" ? `${label} (${provider})` : label;
}

function fileLines(state: SessionState): string[] {
  const staged = new Set(state.git.staged_files);
  const files = [...(state.context?.files_modified ?? []), ...(state.context?.files_created ?? [])];
  const omitted = (state.context?.files_modified_omitted ?? 0) + (state.context?.files_created_omitted ?? 0);
  const lines = files.map((file) => `- ${file}${staged.has(file) ? " (staged)" : ""}`);
  return omitted > 0 ? [...lines, `- … and ${omitted} more (see \`git status\`)`] : lines;
}

function taskLines(state: SessionState): string[] {
  if (!state.task) return [];
  const latest = state.task.latest_request;
  return [`Task: ${state.task.description}`, ...(latest && latest !== state.task.description ? [`Latest request: ${latest}`] : [])];
}

/** The reason given for this handoff (escalation prompts show it as "Reason:" already). */
function reasonLines(state: SessionState): string[] {
  return state.handoff?.reason ? [`Handoff reason: ${state.handoff.reason}`] : [];
}

function numbered(items: string[]): string[] {
  return items.map((item, index) => `${index + 1}. ${item}`);
}

function progressLine(state: SessionState): string | undefined {
  const spent = parseMinutes(state.task?.time_spent);
  const estimated = parseMinutes(state.task?.estimated_time);
  if (spent === undefined) return undefined;
  if (estimated === undefined || estimated <= spent) return `Progress: ${formatMinutes(spent)} in`;
  return `Progress: ${formatMinutes(spent)} in, ${formatMinutes(estimated - spent)} remaining`;
}

function block(title: string, lines: string[]): string[] {
  return lines.length ? ["", `${title}:`, ...lines] : [];
}

function repositoryLines(state: SessionState): string[] {
  const { git } = state;
  const lines = [
    `- Branch: ${git.branch || "(detached HEAD)"}`,
    `- Last commit: ${git.last_commit || "(no commits yet)"}`,
    `- Uncommitted changes: ${git.uncommitted_changes ? "yes" : "no"}`,
  ];
  const conflicted = (git.conflicted_files?.length ?? 0) + (git.conflicted_files_omitted ?? 0);
  if (git.operation) lines.push(`- In progress: ${git.operation} (${conflicted} conflicted files)`);
  if (git.issues?.length) lines.push(`- Issues: ${git.issues.join(", ")}`);
  if (git.prs?.length) lines.push(`- Pull requests: ${git.prs.join(", ")}`);
  if (state.handoff?.stash) lines.push(`- Work is stashed as "${state.handoff.stash}": run \`git stash pop\` first`);
  if (state.handoff?.commit) lines.push(`- Work was committed as WIP ${state.handoff.commit}`);
  return lines;
}

function violationLine(v: Violation): string {
  return `- ${v.file}:${v.line}: ${v.message} (${v.rule})`;
}

function continuePrompt(state: SessionState, options: PromptOptions): PromptParts {
  const next = state.context?.next_steps ?? [];
  return {
    intro: [`I'm continuing work from ${fromLabel(state, options)}. Session state restored:`],
    record: [
      ...taskLines(state),
      ...reasonLines(state),
      ...[progressLine(state)].filter((line): line is string => line !== undefined),
      ...(state.task?.status ? [`Status: ${state.task.status}`] : []),
      ...block("Modified files", fileLines(state)),
      ...block("Next steps", numbered(next)),
    ],
    closing: [next.length ? "Please continue from step 1." : "Please continue the task."],
  };
}

function escalationPrompt(state: SessionState, options: PromptOptions): PromptParts {
  const violations = strict(state.validation?.violations);
  const fixes = [...new Set(violations.map((v) => v.fix).filter(Boolean))];
  const reason = state.handoff?.reason;
  return {
    intro: [`Escalated from ${fromLabel(state, options)} due to ${violations.length ? "STRICT rule violations" : "a problem it could not solve"}.`],
    record: [
      ...(reason ? [`Reason: ${reason}`] : []),
      ...(state.task ? ["", ...taskLines(state)] : []),
      ...(violations.length
        ? ["", `Issue: STRICT rule compliance failures (${violations.length} violation${violations.length === 1 ? "" : "s"})`, ...violations.map(violationLine)]
        : []),
      ...block("Next steps", numbered(state.context?.next_steps ?? [])),
    ],
    closing: [
      violations.length
        ? `Please fix the violations${fixes.length ? `: ${fixes.join("; ")}` : ""}.`
        : "Please take over and resolve it.",
    ],
  };
}

function offlinePrompt(state: SessionState, options: PromptOptions): PromptParts {
  const violations = strict(state.validation?.violations);
  const flexible = (state.validation?.violations ?? []).filter((v) => v.severity === "FLEXIBLE");
  return {
    intro: [`Offline session completed with ${fromLabel(state, options)}.`],
    record: [
      ...taskLines(state),
      ...reasonLines(state),
      ...block("Validation results", validationLines(state.validation)),
      ...block("Violations", numbered(violations.map((v) => `${v.message} in ${v.file}:${v.line} (${v.rule})`))),
      ...block("Notes (FLEXIBLE rules)", flexible.map(violationLine)),
      ...block("Files in progress", fileLines(state)),
    ],
    closing: [violations.length ? "Please fix these violations before committing." : "Please validate this draft before committing."],
  };
}

function researchPrompt(state: SessionState, options: PromptOptions): PromptParts {
  const question = state.handoff?.reason ?? state.context?.next_steps?.[0];
  return {
    intro: [`Context from ${fromLabel(state, options)} session:`],
    record: [
      ...taskLines(state),
      ...(question ? [`Blocker: ${question}`] : []),
      ...block("Files in progress", fileLines(state)),
      ...block("Next steps", numbered(state.context?.next_steps ?? [])),
    ],
    closing: ["Please research the question and provide an architectural recommendation."],
  };
}

const TEMPLATES: Record<PromptScenario, (state: SessionState, options: PromptOptions) => PromptParts> = {
  continue: continuePrompt,
  escalation: escalationPrompt,
  "offline-validation": offlinePrompt,
  research: researchPrompt,
};

/**
 * The state made safe to show: control sequences escaped everywhere, except that the task and
 * the latest request keep their line breaks and tabs (they are shown inside the record fence).
 */
function promptSafe(state: SessionState): SessionState {
  const safe = displaySafeDeep(state);
  if (!state.task || !safe.task) return safe;
  const task = { ...safe.task, description: multilineSafe(state.task.description) };
  if (typeof state.task.latest_request === "string") task.latest_request = multilineSafe(state.task.latest_request);
  return { ...safe, task };
}

function withoutEdgeBlanks(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === "") start++;
  while (end > start && lines[end - 1] === "") end--;
  return lines.slice(start, end);
}

/**
 * The Markdown prompt for the next agent, in the spec's template for the scenario at hand. What
 * the state says (task, requests, plan, files, commands) is fenced as a record of earlier work.
 */
export function renderPrompt(state: SessionState, options: PromptOptions = {}): string {
  const safe = promptSafe(state);
  const scenario = options.scenario ?? pickScenario(safe);
  const parts = TEMPLATES[scenario](safe, options);
  const record = withoutEdgeBlanks([...parts.record, ...(options.recordExtra?.length ? ["", ...options.recordExtra] : [])]);
  const fenced = fencedRecord(record);
  return [...parts.intro, ...(fenced.length ? ["", ...fenced] : []), "", ...parts.closing, "", "## Repository", ...repositoryLines(safe)].join("\n");
}
