import { displaySafe, ensureIgnored, listAgents, openRepo } from "@handoff/core/internal";
import { installHooks } from "@handoff/hooks";
import { stringOption } from "../args.js";
import { AGENTS_OPTION } from "./agent-hooks-option.js";
import { installAndReportAgentHooks } from "./agent-hooks-report.js";
import type { Output } from "../output.js";
import type { Command } from "./command.js";
import { currentHandoff, printInstall } from "./hooks-report.js";
import { addSessionScripts, PREPARE_STEP, SESSION_SCRIPTS, type ScriptsResult } from "./init-package-scripts.js";
import { registerMcpServer } from "./mcp-register.js";
import { takePositionals } from "./positionals.js";
import {
  GITIGNORE_PRESENT,
  gitignoreAdded,
  NO_PACKAGE_JSON,
  prepareAdded,
  prepareAppended,
  scriptKept,
  scriptKeptHint,
  scriptsAdded,
  SCRIPTS_PRESENT,
} from "../messages/setup.js";

function printScripts(out: Output, result: ScriptsResult): void {
  if (!result.found) {
    out.line(NO_PACKAGE_JSON);
    return;
  }
  if (result.added.length) out.line(scriptsAdded(result.added));
  if (result.present.length && !result.added.length && !result.kept.length && result.prepare === "present") {
    out.line(SCRIPTS_PRESENT);
  }
  if (result.prepare === "added") out.line(prepareAdded(PREPARE_STEP));
  if (result.prepare === "appended") out.line(prepareAppended(PREPARE_STEP));
  for (const { name, command } of result.kept) {
    out.line(scriptKept(name, displaySafe(command)));
    out.line(scriptKeptHint(SESSION_SCRIPTS[name]));
  }
}

const init: Command = {
  usage: "handoff init [--agents <list>]",
  summary: [
    "Set this repository up for handoff: add the npm scripts session:save, session:restore and",
    "session:handoff to package.json (never replacing a script you have) and a `prepare` step that",
    "installs the git hooks in every clone, make git ignore the agents' state files, install the git",
    "hooks and the agents' own hooks, and register the MCP server with the agents in use. Safe to",
    "run again.",
  ].join("\n"),
  options: { ...AGENTS_OPTION },
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const opened = await openRepo(cwd);
    const root = opened.repo.root;

    printScripts(out, addSessionScripts(root));

    // Every agent's state file, whether or not it has one yet: the first save of any agent then
    // edits no tracked file (and leaves no dirty tree after `switch --stash`).
    const added = await ensureIgnored(root, listAgents(opened.config).map((agent) => agent.file));
    out.line(
      added.length ? gitignoreAdded(added.map(displaySafe)) : GITIGNORE_PRESENT,
    );

    printInstall(out, await installHooks({ cwd: root, target: currentHandoff() }));
    const agentHooks = await installAndReportAgentHooks(out, { root, gitDir: opened.repo.gitDir, agents: stringOption(parsed, "agents") });
    const mcpRegistered = await registerMcpServer(out, opened, stringOption(parsed, "agents"));
    return Math.max(agentHooks, mcpRegistered ? 0 : 1);
  },
};

export default init;
