/** `handoff status` and `handoff agents`: the table headers, cells and notices under them. */
import { hookErrorCount } from "./common.js";

export const STATUS_HEADER = ["AGENT", "PROVIDER", "BRANCH", "SAVED", "GIT", "TASK"];
export const UNKNOWN_PROVIDER = "unknown";
export const DETACHED = "(detached)";
export const NO_TASK = "(no task)";
export const brokenState = (agent: string, message: string) => `❌ ${agent}: ${message}`;

export const AGENTS_HEADER = ["AGENT", "NAME", "STATE FILE", "STATE", "SESSION", "HOOKS"];
export const STATE_SAVED_CELL = "✓ saved";
export const SESSION_READABLE_CELL = "✓ readable";
export const NOT_APPLICABLE_CELL = "n/a";
export const EMPTY_CELL = "-";

/** The agent hooks: `handoff agents`' HOOKS column and the table under `handoff status`. */
export const NOT_FIRED_YET = "not fired yet";
export const lastFired = (event: string, age: string) => `${event}, ${age}`;
export const hooksInstalledCell = (lastRun: string) => `✓ ${lastRun}`;
export const hooksNotInstalledCell = (lastRun: string) => `not installed (${lastRun})`;
export const NOT_INSTALLED_FILES = "(not installed)";
export const AGENT_HOOKS_TITLE = "Agent hooks:";
export const AGENT_HOOKS_HEADER = ["AGENT", "FILES", "LAST FIRED"];

/** The one line `handoff status` shows when states went stale because this clone has no hooks. */
export const NO_HOOKS_HERE =
  "⚠️  States go stale here: the git hooks are not installed in this clone. Run `npx handoff hooks install` (or the project's install, where `handoff init` added its prepare step)";
export const hookErrorsLogged = (count: number, hook: string, age: string, firstLine: string) =>
  `⚠️  The git hooks logged ${hookErrorCount(count)} in the last 7 days; the latest (${hook}, ${age}): ${firstLine}`;
export const seeHookLog = (log: string) => `   See ${log}; once the cause is fixed, \`handoff doctor --fix\` clears it`;
