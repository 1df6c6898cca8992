import { displaySafe } from "@handoff/core/internal";
import { agentHooksStatus, type AgentHookStatus } from "@handoff/hooks";
import { age } from "./age.js";
import { formatTable } from "./table.js";
import {
  AGENT_HOOKS_HEADER,
  AGENT_HOOKS_TITLE,
  hooksInstalledCell,
  hooksNotInstalledCell,
  lastFired,
  NOT_FIRED_YET,
  NOT_INSTALLED_FILES,
} from "../messages/status.js";

/** The newest event of an agent's hooks and when it ran: "stop, 2m ago". */
function lastRun(status: AgentHookStatus): string {
  if (!status.lastFired) return NOT_FIRED_YET;
  const event = Object.entries(status.fired).find(([, time]) => time?.getTime() === status.lastFired!.getTime())?.[0];
  return lastFired(event ?? "?", age(status.lastFired.toISOString()));
}

/** `handoff agents`' HOOKS column, by agent name. */
export function agentHookCells(gitDir: string): Map<string, string> {
  return new Map(agentHooksStatus(gitDir).map((status) => [status.agent, status.files.length ? hooksInstalledCell(lastRun(status)) : hooksNotInstalledCell(lastRun(status))]));
}

/** `handoff status`: the agent hooks installed here and when each last fired; nothing when there are none. */
export function agentHooksLines(gitDir: string): string[] {
  const statuses = agentHooksStatus(gitDir);
  if (statuses.length === 0) return [];
  const rows = statuses.map((status) => [status.agent, status.files.join(", ") || NOT_INSTALLED_FILES, lastRun(status)]);
  return ["", AGENT_HOOKS_TITLE, ...formatTable([AGENT_HOOKS_HEADER, ...rows].map((row) => row.map(displaySafe))).map((line) => `  ${line}`)];
}

/** The same for --json. */
export function agentHooksJson(gitDir: string) {
  return agentHooksStatus(gitDir).map((status) => ({
    agent: status.agent,
    installed: status.files.length > 0,
    files: status.files,
    fired: Object.fromEntries(Object.entries(status.fired).map(([event, time]) => [event, time?.toISOString()])),
    lastFired: status.lastFired?.toISOString(),
  }));
}
