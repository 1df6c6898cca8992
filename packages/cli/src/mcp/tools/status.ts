import { currentFreshness, displaySafe, listAgents, openRepo } from "@handoff/core/internal";
import { age } from "../../commands/age.js";
import { hookLogNotice } from "../../commands/hooks-log-notice.js";
import { readAgentStatus, type AgentStatus } from "../../commands/status.js";
import { staleBecause } from "../freshness-reason.js";
import type { ToolAnswer } from "../result.js";
import { NO_STATE_SAVED, savedAgo } from "../../messages/common.js";
import { CALL_SAVE, toolBranch, toolFreshness, toolStateBroken, toolTask } from "../../messages/mcp.js";
import { DETACHED, NO_TASK } from "../../messages/status.js";

interface AgentFreshness extends AgentStatus {
  stale_because?: string[];
}

function line(entry: AgentFreshness): string {
  if (entry.error) return toolStateBroken(entry.agent, entry.file, entry.error.message, entry.error.hint);
  const state = entry.state!;
  const why = entry.stale_because?.length ? ` (${entry.stale_because.join("; ")})` : "";
  return [
    toolFreshness(entry.agent, entry.freshness, why),
    toolBranch(state.git.branch || DETACHED),
    savedAgo(age(state.timestamp)),
    state.task ? toolTask(state.task.description, state.task.status) : NO_TASK,
  ].join(", ");
}

/** handoff_status: what `handoff status --json` lists, with the reasons a state is stale. */
export async function statusTool(cwd: string): Promise<ToolAnswer> {
  const opened = await openRepo(cwd);
  const now = currentFreshness(opened.repo);
  const agents: AgentFreshness[] = [];
  for (const agent of listAgents(opened.config)) {
    const entry: AgentFreshness | undefined = await readAgentStatus(opened.repo.root, agent, now);
    if (!entry) continue;
    if (entry.state && entry.freshness !== "fresh") entry.stale_because = staleBecause(entry.state, now);
    agents.push(entry);
  }
  const listed = agents.length
    ? agents.map(line).map((text) => text.split("\n").map(displaySafe).join("\n")).join("\n")
    : `${NO_STATE_SAVED} ${CALL_SAVE}`;
  // As in `handoff status`: errors the git hooks logged lately, which may explain a stale state.
  const hookErrors = hookLogNotice(opened.repo.root, opened.repo.gitDir);
  return { text: [listed, ...hookErrors].join("\n"), structured: { agents, hook_errors: hookErrors } };
}
