import type { SessionState } from "../schema/session-state.js";
import { origin } from "./origin.js";
import { multilineSafe } from "./record-fence.js";
import { displaySafeDeep } from "../util/sanitize.js";

export const RULE = "━".repeat(40);

/** Longer lists are cut, with a count: a terminal view, not an inventory (--json has everything). */
const MAX_LISTED = 50;

export interface RestoreViewOptions {
  /** fresh / stale, when known. */
  freshness?: string;
}

/** Multi-line text with its later lines indented under the first, line breaks kept. */
function indented(text: string): string {
  return multilineSafe(text).replace(/\n/g, "\n   ");
}

function describeBranch(state: SessionState): string {
  const { git } = state;
  if (git.branch) return git.branch;
  return git.last_commit ? `(detached HEAD at ${git.last_commit})` : "(detached HEAD)";
}

/** The text `handoff restore` prints: the spec's example output, then what the spec's fields add. */
export function renderRestoreView(unsafeState: SessionState, options: RestoreViewOptions = {}): string {
  const state = displaySafeDeep(unsafeState);
  const modified = state.context?.files_modified ?? [];
  const created = state.context?.files_created ?? [];
  const staged = new Set(state.git.staged_files);
  const nextSteps = state.context?.next_steps ?? [];
  const from = origin(state);
  const provider = from.provider ? ` (${from.provider})` : "";
  const lines = [
    `📋 Restoring session from ${from.agent}`,
    RULE,
    `🕐 Session saved: ${state.timestamp}`,
    `🤖 Previous agent: ${from.agent}${provider}`,
    `🌿 Git branch: ${describeBranch(state)}`,
    `📝 Last commit: ${state.git.last_commit ? state.git.last_commit : "(no commits yet)"}`,
    `📁 Modified files: ${modified.length + (state.context?.files_modified_omitted ?? 0)}`,
  ];
  if (state.task) {
    const details = [state.task.status, state.task.priority].filter(Boolean).join(", ");
    lines.push(`🎯 Task: ${indented(unsafeState.task!.description)}${details ? ` (${details})` : ""}`);
    const latest = unsafeState.task?.latest_request;
    if (latest && latest !== unsafeState.task!.description) lines.push(`💬 Latest request: ${indented(latest)}`);
  }
  if (state.git.operation) {
    const conflicted = (state.git.conflicted_files?.length ?? 0) + (state.git.conflicted_files_omitted ?? 0);
    lines.push(`⚠️  ${state.git.operation} in progress${conflicted ? `, ${conflicted} conflicted file(s)` : ""}`);
  }
  if (state.handoff?.reason) lines.push(`💬 Handoff reason: ${state.handoff.reason}`);
  if (options.freshness === "stale") lines.push("⏳ Git state: stale (the repository changed since it was saved)");
  // `omitted`: names the state itself left out (it keeps the first ones of a long list).
  const section = <T>(title: string, items: readonly T[], format: (item: T, index: number) => string, omitted = 0) => {
    if (items.length === 0) return;
    const shown = items.slice(0, MAX_LISTED);
    const more = items.length - shown.length + omitted;
    lines.push("", `${title}:`, ...shown.map(format), ...(more > 0 ? [`  … and ${more} more`] : []));
  };
  const fileLine = (file: string) => `  - ${file}${staged.has(file) ? " (staged)" : ""}`;
  section("Modified files", modified, fileLine, state.context?.files_modified_omitted);
  section("Created files", created, fileLine, state.context?.files_created_omitted);
  section("Conflicted files", state.git.conflicted_files ?? [], (file) => `  - ${file}`, state.git.conflicted_files_omitted);
  section("Next steps", nextSteps, (step, index) => `${String(index + 1).padStart(2)}. ${step}`);
  section("Rule violations", state.validation?.violations ?? [], (v) => `  - ${v.file}:${v.line} ${v.severity} ${v.rule}: ${v.message}`);
  lines.push(RULE);
  return lines.join("\n");
}
