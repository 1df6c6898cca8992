import { existsSync } from "node:fs";
import { displaySafe, hasAgentSession, listAgents, openRepo, sessionReaderFor, statePath } from "@handoff/core/internal";
import { flag } from "../args.js";
import { agentHookCells, agentHooksJson } from "./agent-hooks-status.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { formatTable } from "./table.js";
import { AGENTS_HEADER, EMPTY_CELL, NOT_APPLICABLE_CELL, SESSION_READABLE_CELL, STATE_SAVED_CELL } from "../messages/status.js";

const agents: Command = {
  usage: "handoff agents [--json]",
  summary: "The agents handoff knows here (built in and from handoff.config.json), their state files, which have a state and which have a session handoff can read.",
  options: {
    json: { type: "boolean", description: "print the registry as JSON" },
  },
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const opened = await openRepo(cwd);
    const list = await Promise.all(
      listAgents(opened.config).map(async (agent) => ({
        ...agent,
        hasState: existsSync(statePath(opened.repo.root, agent)),
        readsSessions: sessionReaderFor(agent.name) !== undefined,
        hasSession: await hasAgentSession(agent.name, opened.repo.root),
      })),
    );
    if (flag(parsed, "json")) {
      const hooks = new Map<string, unknown>(agentHooksJson(opened.repo.gitDir).map((entry) => [entry.agent, entry]));
      out.json(list.map((agent) => ({ ...agent, hooks: hooks.get(agent.name) ?? null })));
      return;
    }
    const session = (agent: (typeof list)[number]) => (agent.hasSession ? SESSION_READABLE_CELL : agent.readsSessions ? EMPTY_CELL : NOT_APPLICABLE_CELL);
    const hooks = agentHookCells(opened.repo.gitDir);
    const rows = list.map((agent) => [agent.name, agent.label, agent.file, agent.hasState ? STATE_SAVED_CELL : EMPTY_CELL, session(agent), hooks.get(agent.name) ?? EMPTY_CELL]);
    out.line(formatTable([AGENTS_HEADER, ...rows].map((row) => row.map(displaySafe))).join("\n"));
  },
};

export default agents;
