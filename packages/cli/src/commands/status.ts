import {
  currentFreshness,
  displaySafe,
  displaySafeLines,
  isHandoffError,
  judgeFreshness,
  listAgents,
  openRepo,
  readStateFileLazily,
  statePath,
  type AgentInfo,
  type SessionState,
} from "@handoff/core/internal";
import { flag } from "../args.js";
import type { Output } from "../output.js";
import type { Command } from "./command.js";
import { age } from "./age.js";
import { agentHooksLines } from "./agent-hooks-status.js";
import { hookLogNotice } from "./hooks-log-notice.js";
import { takePositionals } from "./positionals.js";
import { formatTable } from "./table.js";
import { NO_STATE_SAVED, RUN_SAVE } from "../messages/common.js";
import { brokenState, DETACHED, NO_TASK, STATUS_HEADER, UNKNOWN_PROVIDER } from "../messages/status.js";

export interface AgentStatus {
  agent: string;
  file: string;
  state?: SessionState;
  freshness?: string;
  error?: { code: string; message: string; hint?: string };
}

const status: Command = {
  usage: "handoff status [--json]",
  summary: "One line per agent that has a state here: agent, provider, branch, age, freshness, task.",
  options: {
    json: { type: "boolean", description: "print the list as JSON" },
  },
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const opened = await openRepo(cwd);
    const now = currentFreshness(opened.repo);
    const found: AgentStatus[] = [];
    for (const agent of listAgents(opened.config)) {
      const entry = await readAgentStatus(opened.repo.root, agent, now);
      if (entry) found.push(entry);
    }
    const broken = found.filter((entry) => entry.error);
    const stale = found.some((entry) => entry.freshness !== undefined && entry.freshness !== "fresh");
    const hookErrors = hookLogNotice(opened.repo.root, opened.repo.gitDir, { stale });
    if (flag(parsed, "json")) {
      out.json(found);
      hookErrors.forEach((line) => out.note(line));
      return broken.length ? 1 : 0;
    }
    if (found.length === 0) {
      out.line(NO_STATE_SAVED);
      out.line(RUN_SAVE);
      agentHooksLines(opened.repo.gitDir).forEach((line) => out.line(line));
      hookErrors.forEach((line) => out.line(line));
      return 0;
    }
    const rows = found
      .filter((entry) => entry.state)
      .map(({ agent, state, freshness }) => [
        agent,
        state!.provider ?? UNKNOWN_PROVIDER,
        state!.git.branch || DETACHED,
        age(state!.timestamp),
        freshness!,
        state!.task?.description ?? NO_TASK,
      ]);
    // Each cell is made safe before the columns are measured, so an escaped character cannot skew them.
    const table = [STATUS_HEADER, ...rows].map((row) => row.map(displaySafe));
    out.line(formatTable(table, (text, row, column) => paintCell(out, text, row, column)).join("\n"));
    for (const { agent, error } of broken) {
      // Schema errors span several lines: each is made safe on its own, so the newlines stay real.
      const [first = "", ...rest] = displaySafeLines(brokenState(agent, error!.message));
      out.line(out.paint("red", first));
      for (const line of rest) out.line(line);
      if (error!.hint) out.line(`   ${displaySafe(error!.hint)}`);
    }
    agentHooksLines(opened.repo.gitDir).forEach((line) => out.line(line));
    hookErrors.forEach((line) => out.line(line));
    return broken.length ? 1 : 0;
  },
};

const FRESHNESS_COLUMN = 4;

/** The header bold, the agent's name bold, fresh green and stale yellow. */
function paintCell(out: Output, text: string, row: number, column: number): string {
  if (row === 0) return out.paint("bold", text);
  if (column === 0) return out.paint("bold", text);
  if (column === FRESHNESS_COLUMN && text === "fresh") return out.paint("green", text);
  if (column === FRESHNESS_COLUMN && text === "stale") return out.paint("yellow", text);
  return text;
}

export async function readAgentStatus(root: string, agent: AgentInfo, now: ReturnType<typeof currentFreshness>): Promise<AgentStatus | undefined> {
  const file = statePath(root, agent);
  try {
    // Without zod unless a file needs the full parser: status is meant to cost no more than Node's start.
    const parsed = await readStateFileLazily(file);
    if (!parsed) return undefined;
    return { agent: agent.name, file: agent.file, state: parsed.state, freshness: judgeFreshness(parsed.state, now) };
  } catch (error) {
    if (!isHandoffError(error)) throw error;
    return { agent: agent.name, file: agent.file, error: { code: error.code, message: error.message, hint: error.hint } };
  }
}

export default status;
