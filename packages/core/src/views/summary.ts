import type { SessionState } from "../schema/session-state.js";
import { firstLine } from "./record-fence.js";
import { displaySafeDeep } from "../util/sanitize.js";

/** One line: `claude (groq_primary) · feat/x @ abc1234 · 2 files · in_progress: the task`. */
export function summarizeState(unsafeState: SessionState): string {
  const task = unsafeState.task && { ...unsafeState.task, description: firstLine(unsafeState.task.description) };
  const state = displaySafeDeep({ ...unsafeState, task });
  const who = state.provider ? `${state.agent} (${state.provider})` : state.agent;
  const where = `${state.git.branch || "(detached)"} @ ${state.git.last_commit || "(no commits)"}`;
  const files = (state.context?.files_modified?.length ?? 0) + (state.context?.files_created?.length ?? 0);
  const what = state.task ? `${state.task.status ?? "task"}: ${state.task.description}` : "no task recorded";
  return [who, where, `${files} file${files === 1 ? "" : "s"}`, what].join(" · ");
}
