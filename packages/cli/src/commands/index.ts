import type { Command } from "./command.js";

interface CommandEntry {
  summary: string;
  /** The bundle runs a command's code only when that command is chosen. */
  load: () => Promise<{ default: Command }>;
}

export type CommandTable = Record<string, CommandEntry>;

export const COMMANDS: CommandTable = {
  save: { summary: "save an agent's session state", load: () => import("./save.js") },
  restore: { summary: "show an agent's saved session (--json, --prompt)", load: () => import("./restore.js") },
  switch: { summary: "hand the session from one agent to another", load: () => import("./switch.js") },
  status: { summary: "list the saved states, with freshness", load: () => import("./status.js") },
  agents: { summary: "list the known agents and their state files", load: () => import("./agents.js") },
  init: { summary: "set the repo up: npm session:* scripts, .gitignore entries, git hooks", load: () => import("./init.js") },
  hooks: { summary: "install, remove or run the git hooks that keep states fresh", load: () => import("./hooks.js") },
  push: { summary: "send this branch's states to a git remote (refs/handoff/<branch>)", load: () => import("./push.js") },
  pull: { summary: "fetch this branch's states from a git remote into the state files", load: () => import("./pull.js") },
  doctor: { summary: "check what works in this clone (hooks, config, states) and what to do about the rest", load: () => import("./doctor.js") },
  mcp: { summary: "run the MCP server for agents; install or remove it in their MCP config", load: () => import("./mcp.js") },
  validate: { summary: "run the checks and the STRICT/FLEXIBLE rules; record the results", load: () => import("./validate.js") },
};
