import { existsSync } from "node:fs";
import { displaySafe, listAgents, openRepo, statePath } from "@handoff/core";
import { flag } from "../args.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { formatTable } from "./table.js";

const agents: Command = {
  usage: "handoff agents [--json]",
  summary: "The agents handoff knows here (built in and from handoff.config.json), their state files, and which have a state.",
  options: {
    json: { type: "boolean", description: "print the registry as JSON" },
  },
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const opened = await openRepo(cwd);
    const list = listAgents(opened.config).map((agent) => ({
      ...agent,
      hasState: existsSync(statePath(opened.repo.root, agent)),
    }));
    if (flag(parsed, "json")) {
      out.json(list);
      return;
    }
    const rows = list.map((agent) => [agent.name, agent.label, agent.file, agent.hasState ? "✓ saved" : "-"]);
    for (const line of formatTable([["AGENT", "NAME", "STATE FILE", "STATE"], ...rows])) out.line(displaySafe(line));
  },
};

export default agents;
