/** `handoff doctor`: each finding's detail and fix, by section. */

export const DOCTOR_MARKS = { ok: "✅", info: "·", warn: "⚠️ ", fail: "❌" } as const;
export const doctorTitle = (root: string) => `handoff doctor: ${root}`;
export const findingLine = (mark: string, detail: string) => `  ${mark} ${detail}`;
export const fixLine = (fix: string) => `     Fix: ${fix}`;
export const doctorVerdict = (failing: number) =>
  failing ? `${failing} ${failing === 1 ? "thing needs" : "things need"} your action (each with its fix above).` : "Everything handoff needs works here.";

/** Config. */
export const configValid = (file: string, empty: boolean) => `${file}: valid${empty ? " (none: the defaults apply)" : ""}`;
export const fixConfig = (file: string) => `fix ${file}`;

/** Agent hooks and MCP. */
export const wiredYes = (part: string, file: string) => `${part} in ${file}`;
export const wiredUnreadable = (part: string, file: string, reason: string) => `${part}: ${file} unreadable (${reason})`;
export const wiredNo = (part: string) => `no ${part}`;
export const agentWiring = (agent: string, hooks: string, mcp: string) => `${agent}: ${hooks}; ${mcp}`;
export const noWiring = (agents: string[]) => `no handoff hooks or MCP server for: ${agents.join(", ")}`;
export const NOT_A_REGULAR_FILE = "not a regular file";
export const overLimit = (size: number, cap: number) => `${size} bytes, over the ${cap}-byte limit`;
export const notValidJson = (error: string) => `not valid JSON: ${error}`;
export const jsonErrorAt = (error: string, line: number, column: number) => `${error} at line ${line}, column ${column}`;

/** Git hooks. */
export const FIX_INSTALL = "handoff hooks install";
export const huskyMode = (hooksPath: string) => `husky, core.hooksPath=${hooksPath}`;
export const hooksPathMode = (hooksPath: string) => `core.hooksPath=${hooksPath}`;
export const FIX_HUSKY_CLONE = "npm install (husky's prepare script sets core.hooksPath), or: npx husky";
export const FIX_HUSKY_STUB = `npx husky, then ${FIX_INSTALL}`;
export const gitHooksMissing = (mode: string) => `handoff's git hooks are not installed in this clone (${mode}): states go stale after commits and checkouts`;
export const someGitHooksMissing = (hooks: string[], mode: string) => `${hooks.join(", ")} ${hooks.length === 1 ? "does" : "do"} not run handoff here (${mode})`;
export const runnerMissing = (runner: string) => `the hooks call ${runner}, which this clone does not have: they do nothing`;
export const gitHooksOk = (hooks: readonly string[], mode: string) => `${hooks.join(", ")} run handoff (${mode})`;
export const SKIP_SET = "HANDOFF_SKIP=1 is set: the hooks do nothing in this shell";
export const FIX_SKIP = "unset HANDOFF_SKIP";

/** State files. */
export const NO_STATE_IN_TREE = "no state saved in this work tree yet";
export const FIX_NO_STATE = "handoff save <agent>";
export const stateTracked = (file: string) => `${file} is tracked by git: it would travel with commits, and the hooks leave it alone`;
export const fixTracked = (file: string) => `git rm --cached ${file}`;
export const stateNotIgnored = (file: string) => `${file} is not git-ignored: \`git add -A\` would commit it`;
export const fixNotIgnored = (entry: string) => `add the line ${entry} to .gitignore`;
export const stateFresh = (agent: string, file: string, saved: string) => `${agent}: ${file}, ${saved}, fresh`;
export const stateStale = (agent: string, file: string, saved: string) => `${agent}: ${file}, ${saved}, stale (git moved since; restore refreshes it)`;
export const stateUnknown = (agent: string, file: string, saved: string) => `${agent}: ${file}, ${saved}, freshness unknown (written by another tool)`;
export const stateBroken = (agent: string, message: string) => `${agent}: ${message}`;
export const fixSave = (agent: string) => `handoff save ${agent}`;

/** Hook log. */
export const NO_HOOK_ERRORS = "no unresolved hook errors";
export const hookLogSummary = (errors: string, log: string, hook: string, age: string, firstLine: string) =>
  `${errors} in ${log}; the latest (${hook}, ${age}): ${firstLine}`;
export const FIX_HOOK_LOG = "fix the cause, then: handoff doctor --fix";
export const keptNoHooks = (summary: string) => `${summary}; kept, as git does not run handoff's hooks here yet`;
export const FIX_HOOK_LOG_INSTALL = "handoff hooks install, then: handoff doctor --fix";
export const refreshStillFails = (summary: string, reason: string) => `${summary}; a refresh still fails: ${reason}`;
export const FIX_REFRESH = "fix that, then run handoff doctor --fix again";
export const hookErrorsCleared = (errors: string) => `cleared ${errors}: a refresh now succeeds (the log keeps them)`;

/** Node.js and agent sessions. */
export const nodeOk = (version: string) => `v${version} runs handoff (it needs 20.19 or newer)`;
export const nodeTooOld = (version: string) => `v${version} is older than the 20.19 handoff needs`;
export const FIX_NODE = "install Node.js 20.19 or newer (nvm install 22)";
export const SQLITE_SLOWER =
  "agents' SQLite sessions (OpenCode, Crush, Goose, cursor-agent) are read with sql.js here, a copy in memory; Node.js 22.13 or newer reads them in place with node:sqlite, about 5x faster";
export const sessionsFound = (labels: string[]) => `sessions for this repository: ${labels.join(", ")} (handoff save <agent> --from-session)`;
export const NO_SESSION_FOUND = "no agent session found for this repository";
export const noneFoundFor = (labels: string[]) => `none found for: ${labels.join(", ")}`;
