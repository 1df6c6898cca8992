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

function printScripts(out: Output, result: ScriptsResult): void {
  if (!result.found) {
    out.line("ℹ️  No package.json here: skipped the npm scripts (use `handoff save|restore|switch` directly)");
    return;
  }
  if (result.added.length) out.line(`✅ package.json: added ${result.added.map((name) => `"${name}"`).join(", ")}`);
  if (result.present.length && !result.added.length && !result.kept.length && result.prepare === "present") {
    out.line("✅ package.json: the session:* scripts are already there");
  }
  if (result.prepare === "added") out.line(`✅ package.json: added "prepare": "${PREPARE_STEP}" (installs the git hooks in every clone)`);
  if (result.prepare === "appended") out.line(`✅ package.json: appended "${PREPARE_STEP}" to your "prepare" script (installs the git hooks in every clone)`);
  for (const { name, command } of result.kept) {
    out.line(`⚠️  package.json already has a "${name}" script (${displaySafe(command)}); left it as it is.`);
    out.line(`   handoff's would be "${SESSION_SCRIPTS[name]}"; rename yours if you want both.`);
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
      added.length
        ? `✅ .gitignore: added ${added.map(displaySafe).join(", ")}`
        : "✅ .gitignore: the agents' state files are already ignored",
    );

    printInstall(out, await installHooks({ cwd: root, target: currentHandoff() }));
    const agentHooks = await installAndReportAgentHooks(out, { root, gitDir: opened.repo.gitDir, agents: stringOption(parsed, "agents") });
    const mcpRegistered = await registerMcpServer(out, opened, stringOption(parsed, "agents"));
    return Math.max(agentHooks, mcpRegistered ? 0 : 1);
  },
};

export default init;
