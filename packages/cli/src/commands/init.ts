import { displaySafe, getAgent, openRepo } from "@handoff/core";
import { installHooks } from "@handoff/hooks";
import type { Output } from "../output.js";
import type { Command } from "./command.js";
import { currentHandoff, printInstall } from "./hooks-report.js";
import { ignoreStateFiles } from "./init-gitignore.js";
import { addSessionScripts, PREPARE_STEP, SESSION_SCRIPTS, type ScriptsResult } from "./init-package-scripts.js";
import { takePositionals } from "./positionals.js";

/** The agents of the spec; their state files are ignored whether or not they have one yet. */
const SPEC_AGENTS = ["claude", "opencode", "copilot"];

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
  usage: "handoff init",
  summary: [
    "Set this repository up for handoff: add the npm scripts session:save, session:restore and",
    "session:handoff to package.json (never replacing a script you have) and a `prepare` step that",
    "installs the git hooks in every clone, make git ignore the agents' state files, and install",
    "the git hooks. Safe to run again.",
  ].join("\n"),
  options: {},
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const opened = await openRepo(cwd);
    const root = opened.repo.root;

    printScripts(out, addSessionScripts(root));

    const configured = Object.keys(opened.config.agents ?? {});
    const files = [...SPEC_AGENTS, ...configured].map((name) => getAgent(name, opened.config).file);
    const added = await ignoreStateFiles(root, files);
    out.line(
      added.length
        ? `✅ .gitignore: added ${added.map(displaySafe).join(", ")}`
        : "✅ .gitignore: the agents' state files are already ignored",
    );

    printInstall(out, await installHooks({ cwd: root, target: currentHandoff() }));
    return 0;
  },
};

export default init;
