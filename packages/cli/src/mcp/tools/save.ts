import { agentIn, HandoffError, isHandoffError, openRepo, readStateFile, statePath, type AgentInfo, type TaskPriority, type TaskStatus } from "@handoff/core/internal";
import save from "../../commands/save.js";
import { CORRUPT_STATE_HINT } from "../../messages/mcp.js";
import type { ToolAnswer } from "../result.js";
import { runCommand } from "../run-command.js";
import { stateSavedTo } from "../../messages/common.js";

export interface SaveToolInput {
  agent: string;
  task?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  next_steps?: string[];
  reason?: string;
  model?: string;
}

/** The codes for which `handoff save` would move the file aside (core's store/state-file.ts). */
const UNREADABLE: readonly string[] = ["E_STATE_INVALID_JSON", "E_STATE_SCHEMA", "E_STATE_TOO_LARGE"];

/**
 * `handoff save` in a terminal moves a corrupt state aside and writes a fresh one; an agent's tool
 * call does not decide that for the user: it reports the file and writes nothing.
 */
async function refuseCorruptState(cwd: string, agent: string): Promise<AgentInfo> {
  const opened = await openRepo(cwd);
  const info = agentIn(opened, agent);
  try {
    readStateFile(statePath(opened.repo.root, info));
    return info;
  } catch (error) {
    if (!isHandoffError(error) || !UNREADABLE.includes(error.code)) throw error;
    throw new HandoffError(error.code, error.message, { file: error.file, hint: CORRUPT_STATE_HINT.replace("<agent>", info.name), cause: error });
  }
}

/** handoff_save: the same update as `handoff save <agent> --task ... --next ...`. */
export async function saveTool(cwd: string, input: SaveToolInput): Promise<ToolAnswer & { notes: string[] }> {
  const info = await refuseCorruptState(cwd, input.agent);
  const run = await runCommand(
    save,
    cwd,
    {
      task: input.task,
      status: input.status,
      priority: input.priority,
      next: input.next_steps,
      reason: input.reason,
      model: input.model,
      json: true,
    },
    [input.agent],
  );
  return {
    text: stateSavedTo(info.file),
    structured: { agent: info.name, file: info.file, state: run.value },
    notes: run.notes,
  };
}
