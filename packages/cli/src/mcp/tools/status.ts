import { currentFreshness, displaySafe, listAgents, openRepo } from "@handoff/core/internal";
import { age } from "../../commands/age.js";
import { hookLogNotice } from "../../commands/hooks-log-notice.js";
import { readAgentStatus, type AgentStatus } from "../../commands/status.js";
import { staleBecause } from "../freshness-reason.js";
import type { ToolAnswer } from "../result.js";

interface AgentFreshness extends AgentStatus {
  stale_because?: string[];
}

function line(entry: AgentFreshness): string {
  if (entry.error) return `❌ ${entry.agent} (${entry.file}): ${entry.error.message}${entry.error.hint ? `\n   ${entry.error.hint}` : ""}`;
  const state = entry.state!;
  const why = entry.stale_because?.length ? ` (${entry.stale_because.join("; ")})` : "";
  return [
    `${entry.agent}: ${entry.freshness}${why}`,
    `branch ${state.git.branch || "(detached)"}`,
    `saved ${age(state.timestamp)}`,
    state.task ? `task: ${state.task.description}${state.task.status ? ` [${state.task.status}]` : ""}` : "(no task)",
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
    : "No session state saved in this repository yet. Call handoff_save with your agent name to save one.";
  // As in `handoff status`: errors the git hooks logged lately, which may explain a stale state.
  const hookErrors = hookLogNotice(opened.repo.root, opened.repo.gitDir);
  return { text: [listed, ...hookErrors].join("\n"), structured: { agents, hook_errors: hookErrors } };
}
