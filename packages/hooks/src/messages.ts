/**
 * What the git hooks print (git shows it with the push or commit) and the errors and details the
 * installers report: named constants and small functions returning strings, nothing built at load
 * and no imports, so that a hook pays for none of it. The CLI words the reports around them
 * (packages/cli/src/messages/).
 */

/** The pre-push check. */
export const moreNotListed = (rest: number) => `  ... and ${rest} more (run \`handoff validate\` for the full list)`;
export const hookNote = (text: string) => `handoff: ${text}`;
export const notCheckedFiles = (files: string) => `handoff: ${files} in the commits being pushed could not be checked by the rules:`;
export const NOT_CHECKED_GOES_AHEAD = "handoff: the push goes ahead for what could not be checked; look at it yourself";
export const strictViolations = (violations: string) => `handoff: ${violations} in the commits being pushed:`;
export const flexibleNotes = (notes: string) => `handoff: ${notes} (notes only, never blocking):`;
export const PUSH_BLOCKED = [
  'handoff: push blocked ("prePush": "block" in handoff.config.json). Fix the violations above, or skip this check once with:',
  "  HANDOFF_SKIP=1 git push      (or: git push --no-verify)",
] as const;
export const PUSH_GOES_AHEAD = 'handoff: the push goes ahead ("prePush": "warn"); set "prePush": "block" in handoff.config.json to stop such pushes';
export const prePushSkipped = (reason: string) => `handoff: the pre-push check was skipped: ${reason}`;
export const prePushSkippedHint = (hint: string) => `  ${hint}`;
export const prePushLogged = (log: string) => `handoff: the pre-push check could not run; the push goes ahead (details in ${log})`;
export const prePushFailed = (reason: string) => `handoff: the pre-push check could not run (${reason}); the push goes ahead`;

/** `"share": "push"`: the states pushed with the branch. */
export const statesPushed = (branch: string, remote: string, ref: string) => `handoff: pushed the session states of ${branch} to ${remote} (${ref})`;
export const sharePushFailed = (reason: string) => `handoff push: ${reason}`;
export const statesNotPushedLogged = (log: string) => `handoff: the session states were not pushed (details in ${log}); the push goes ahead`;
export const statesNotPushed = (reason: string) => `handoff: the session states were not pushed (${reason}); the push goes ahead`;

/** Install and uninstall: warnings, and why a hook was skipped or chained. */
export const huskyOutside = (huskyDir: string) =>
  `${huskyDir} leads outside this repository (a symlink?): handoff writes hooks only inside it, so none were installed`;
export const huskyMissing = (hooks: string[], hooksDir: string) =>
  `husky has no ${hooks.join(", ")} in ${hooksDir}; run \`npx husky\` so that git runs ${hooks.length > 1 ? "them" : "it"}`;
export const sharedHooksPath = (hooksDir: string) =>
  `core.hooksPath points at ${hooksDir}, outside this repository: the hooks there run in every repository ` +
  "that uses it, and do nothing where handoff is not installed";
export const FOLDER_OUTSIDE = "its folder leads outside this repository";
export const NOT_A_REGULAR_HOOK = "it is not a regular file (a symlink?); handoff leaves it alone";
export const BLOCK_END_LOST = "its handoff block has lost its `# <<< handoff` end line; remove the block by hand";
export const chainedAlreadyThere = (chained: string) => `${chained} is already there too; move one of the two away and install again`;
export const chainedHook = (chained: string) => `the hook that was there still runs, as ${chained}`;
export const notOursLeftBeside = (chained: string) => `it is not handoff's; ${chained} was left beside it`;
export const SHARED_FOLDER_STUB =
  "this hooks folder is outside the repository, so other repositories may rely on it; the stub does nothing here now that the runner is gone";

/** The agents' project configuration (hooks, MCP): files handoff will not edit, and why. */
export const configLeftUntouched = (file: string, problem: string) => `${file}: ${problem}; handoff left it untouched`;
export const lineAndColumn = (line: number, column: number) => `line ${line}, column ${column}`;
export const notValidJson = (error: string, at: string) => `is not valid JSON (${error} at ${at})`;
export const notValidToml = (problem: string, where: string) => `is not valid TOML (${problem}${where})`;
export const tomlAt = (line: number, column: number) => ` at line ${line}, column ${column}`;
export const FIX_OR_MOVE = "fix the file (or move it away), then run the command again";
export const NOT_A_JSON_OBJECT = "does not hold a JSON object";
export const NOT_A_JSON_OBJECT_HINT = "the file must hold one JSON object ({ ... }); fix it, then run the command again";
export const TOP_LEVEL = "the top level";
export const quotedField = (field: string) => `"${field}"`;
export const wrongShape = (where: string, type: string, needed: "array" | "object") =>
  `${where} is ${type === "array" ? "an array" : `a ${type}`}, not ${needed === "array" ? "an array" : "an object"}`;
export const wrongShapeHint = (where: string, needed: "array" | "object") =>
  `make ${where} ${needed === "array" ? "an array ([ ... ])" : "an object ({ ... })"}, or remove it, then run the command again`;
export const symbolicLink = (at: string) => `${at} is a symbolic link; handoff never writes through one`;
export const SYMBOLIC_LINK_HINT = "replace the link with a real file or folder (or remove it) and run the command again";
export const fileInPlaceOfFolder = (at: string) => `${at} is a file, but handoff's configuration goes inside a folder of that name`;
export const FILE_IN_PLACE_OF_FOLDER_HINT = "rename or move that file away and run the command again";
export const NOT_A_REGULAR_FILE = "is not a regular file";
export const MOVE_IT_AWAY = "move it away, then run the command again";
export const largerThan = (kib: number) => `is larger than ${kib} KiB`;
export const TOO_LARGE_HINT = "a configuration file this large is not one handoff should edit; shrink or move it";
export const NOT_UTF8 = "is not UTF-8 text";
export const NOT_UTF8_HINT = "save it as UTF-8, then run the command again";
export const unclosedBlock = (start: string, end: string) => `has the line "${start}" without the closing "${end}"`;
export const unclosedBlockHint = (end: string) => `add the line "${end}" after handoff's block, or delete the block, then run the command again`;
export const NOT_HANDOFFS = "already exists and is not handoff's";
export const NOT_HANDOFFS_HINT = "move your file away (or delete it if it is an old copy of handoff's), then run the command again";
export const outsideRepository = (file: string, root: string) => `${file} is not a file inside the repository at ${root}`;
export const OUTSIDE_REPOSITORY_HINT = "project configuration files are named relative to the repository root";
export const tomlTableWouldBreak = (table: string) => `would not parse with a ${table} table added (an inline "mcp_servers = { ... }" cannot take one)`;
export const tomlTableWouldBreakHint = (table: string) =>
  `write mcp_servers as [mcp_servers.<name>] tables, or add ${table} yourself (docs/mcp.md shows it), then run \`handoff mcp install\` again`;

/** --agents. */
export const NO_AGENT_NAMED = `--agents needs at least one agent name`;
export const unknownAgents = (names: string[]) => `--agents: unknown agent ${names.map((name) => `"${name}"`).join(", ")}`;
export const agentsHint = (known: readonly string[]) => `use a comma-separated list of ${known.join(", ")}, or "all"`;
export const inUseFolder = (folder: string) => `folder ${folder}/`;
export const inUseExecutable = (name: string) => `${name} on PATH`;
export const NAMED_WITH_AGENTS = "named with --agents";
