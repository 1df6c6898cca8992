/** `handoff init`, `handoff hooks install|uninstall` and `handoff mcp install|uninstall`: what was set up, and what is left to do. */

export const PREPARE_ONLY_WITH_INSTALL = "--prepare goes with install only";
export const missingAction = (actions: readonly string[]) => `missing <action>: one of ${actions.join(", ")}`;
export const unknownAction = (action: string, actions: readonly string[]) => `unknown action "${action}": use ${actions.join(", ")}`;
export const badHook = (hook: string | undefined, hooks: readonly string[]) =>
  `${hook === undefined ? "missing <hook>" : `unknown hook "${hook}"`}: one of ${hooks.join(", ")}`;

/** init: the npm scripts and .gitignore. */
export const NO_PACKAGE_JSON = "ℹ️  No package.json here: skipped the npm scripts (use `handoff save|restore|switch` directly)";
export const scriptsAdded = (names: string[]) => `✅ package.json: added ${names.map((name) => `"${name}"`).join(", ")}`;
export const SCRIPTS_PRESENT = "✅ package.json: the session:* scripts are already there";
export const prepareAdded = (step: string) => `✅ package.json: added "prepare": "${step}" (installs the git hooks in every clone)`;
export const prepareAppended = (step: string) => `✅ package.json: appended "${step}" to your "prepare" script (installs the git hooks in every clone)`;
export const scriptKept = (name: string, command: string) => `⚠️  package.json already has a "${name}" script (${command}); left it as it is.`;
export const scriptKeptHint = (command: string | undefined) => `   handoff's would be "${command}"; rename yours if you want both.`;
export const gitignoreAdded = (entries: string[]) => `✅ .gitignore: added ${entries.join(", ")}`;
export const GITIGNORE_PRESENT = "✅ .gitignore: the agents' state files are already ignored";
export const packageJsonProblem = (file: string, problem: string, hint: string) => `❌ ${file}: ${problem}\n   ${hint}`;
export const notJson = (reason: string) => `is not valid JSON (${reason})`;
export const NOT_JSON_HINT = "fix it, then run `handoff init` again";
export const NOT_AN_OBJECT = "is not a JSON object";
export const NOT_AN_OBJECT_HINT = "a package.json holds one object; fix it, then run `handoff init` again";
export const SCRIPTS_NOT_AN_OBJECT = `"scripts" is not an object`;
export const SCRIPTS_NOT_AN_OBJECT_HINT = `make it an object ("scripts": {}), then run \`handoff init\` again`;

/** The git hooks. */
export const HOOK_ACTION_TEXT = {
  created: "created",
  added: "handoff block added (your lines kept)",
  chained: "installed",
  updated: "updated",
  unchanged: "already installed",
  skipped: "skipped",
  removed: "removed",
  restored: "restored the hook that was there before",
  deleted: "deleted (handoff had created it)",
} as const;
export const huskyFolder = (folder: string) => `husky's ${folder}/`;
export const hooksFolder = (folder: string) => `${folder}/`;
export const hooksAlreadyInstalled = (where: string) => `✅ handoff hooks already installed in ${where}; nothing changed`;
export const hooksInstalled = (where: string) => `✅ handoff hooks installed in ${where}`;
export const hookSkipped = (hook: string, detail: string) => `⚠️  ${hook} was skipped: ${detail}`;
export const NO_HOOKS_INSTALLED = "No handoff hooks are installed here; nothing changed.";
export const HOOKS_REMOVED = "✅ handoff hooks removed";

/** `hooks install --prepare`: one line for a package manager's install log. */
export const prepared = (changed: boolean, where: string) => `handoff: git hooks ${changed ? "installed" : "already installed"} (${where})`;
export const preparedSkipped = (hook: string, detail: string) => `⚠️  handoff: ${hook} was skipped: ${detail}`;
export const preparedWarning = (warning: string) => `⚠️  handoff: ${warning}`;
export const PREPARE_NOT_IN_GIT = "handoff: not in a git work tree; the git hooks were not installed";
export const prepareFailed = (reason: string) => `⚠️  handoff: the git hooks were not installed: ${reason}`;

/** The agents' own hooks. */
export const AGENT_HOOK_INSTALL_TEXT = {
  created: "created",
  updated: "added (your settings kept)",
  unchanged: "already there",
} as const;
export const AGENT_HOOK_UNINSTALL_TEXT = {
  restored: "given back as it was",
  removed: "handoff's entries taken out (your later changes kept)",
  deleted: "deleted (handoff had created it)",
  unchanged: "nothing to take out",
} as const;
export const AGENTS_MD_LINKED = "⚠️  AGENTS.md is a symbolic link, which handoff never writes through: its block was left out";
export const AGENTS_MD_LINKED_HINT = "   (add it by hand if you like; docs/agent-hooks.md shows it)";
export const failedLine = (message: string) => `❌ ${message}`;
export const hintLine = (hint: string) => `   ${hint}`;
export const agentHooksInstalled = (agents: string[]) => `✅ Agent hooks: ${agents.join(", ")}`;
export const NO_AGENT_IN_USE = "ℹ️  Agent hooks: no agent in use here (no .claude/, .codex/, ... folder, no agent CLI on PATH)";
export const agentHookFile = (file: string, action: string) => `   ${file}: ${action}`;
export const CODEX_TRUST = [
  "ℹ️  Codex runs a project's hooks only when the project is trusted and you trust each hook: open /hooks",
  "   in Codex and trust handoff's Stop and SessionStart (before Codex 0.124, also set [features] codex_hooks = true).",
  "   A Codex without hooks can save through its notify program: see docs/agent-hooks.md.",
] as const;
export const GEMINI_TRUST = "ℹ️  Gemini CLI asks before it runs new project hooks: accept handoff-save and handoff-restore.";
export const ADD_ANOTHER_AGENT = "   Add another agent: handoff hooks install --agents <names>, or --agents all";
export const NO_AGENT_HOOKS = "No agent hooks are installed here; nothing changed.";
export const AGENT_HOOKS_REMOVED = "✅ Agent hooks removed";

/** The MCP server's entry in the agents' configuration. */
export const MCP_ACTION_TEXT = {
  created: "created, with the handoff MCP server",
  updated: "handoff MCP server added (your settings kept)",
  unchanged: "handoff MCP server already there",
  restored: "restored as it was before handoff",
  removed: "handoff MCP server taken out (your later changes kept)",
  deleted: "deleted (handoff had created it)",
  failed: "left untouched",
  theirs: 'already names a server "handoff" that handoff did not write; left as it is',
} as const;
/** ❌ for a file left untouched, ⚠️ for a server of the user's named handoff, ✅ otherwise. */
export const mcpIcon = (action: string) => (action === "failed" ? "❌" : action === "theirs" ? "⚠️ " : "✅");
export const mcpRegistration = (icon: string, file: string, action: string, why: string) => `${icon} ${file}: ${action}${why}`;
export const NO_MCP_AGENT = "ℹ️  MCP: no agent with a project MCP file in use here (name them with --agents claude,codex,...)";
export const mcpServerFor = (command: string) => `MCP server for the agents in use (they start it as: ${command}):`;
export const MCP_NOT_REGISTERED = "ℹ️  MCP: handoff's server is in no agent's configuration here";
export const AGENTS_ONLY_WITH_INSTALL = "--agents only applies to install";
export const unknownMcpAction = (action: string) => `unknown mcp action "${action}"; expected install or uninstall`;
