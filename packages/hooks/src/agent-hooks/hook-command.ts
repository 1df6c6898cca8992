import type { HookAgent, HookEvent } from "./events.js";
import { INDEX_CHECKED, NODE_MODULES_PATHSPEC } from "./index-checked.js";

/** Text only handoff's own hook commands contain: how an installed entry is recognised. */
export const HOOK_MARKER = "node_modules/.bin/handoff hook ";

/**
 * The index is the one handoff last found git tracking nothing under node_modules in
 * (index-checked.ts), and no variable points git at another index or work tree. Shell built-ins
 * only: no process starts.
 */
const INDEX_CHECKED_BEFORE = `[ -z "$GIT_DIR$GIT_INDEX_FILE$GIT_WORK_TREE" ] && [ .git/index -ef ${INDEX_CHECKED} ]`;

/**
 * The POSIX shell guard every agent hook runs before handoff. It finds the project's own handoff,
 * `node_modules/.bin/handoff`, where the agent runs the hook (its project folder) or else at the
 * repository's top level, and goes on only when git tracks nothing in that node_modules (a
 * checked-out tree could otherwise have placed the very program the hook runs): as remembered for
 * this very index, or else as git says. Otherwise, and outside a repository, it exits 0 and prints
 * nothing, in one or two git processes. handoff runs as a child, not through `exec`, so that even
 * a handoff that cannot start (no node on the agent's PATH) ends in `exit 0`, its stderr dropped.
 */
const GUARD =
  '{ [ -x node_modules/.bin/handoff ] || { r=$(git rev-parse --show-toplevel 2>/dev/null) && cd "$r" && [ -x node_modules/.bin/handoff ]; }; } && ' +
  `{ ${INDEX_CHECKED_BEFORE} || { t=$(git ls-files -- '${NODE_MODULES_PATHSPEC}' 2>/dev/null) && [ -z "$t" ]; }; }`;

/**
 * The project's own handoff, run by node straight from its package where it is there (npm, pnpm,
 * yarn with node_modules): pnpm's `node_modules/.bin/handoff` is a shell script that forks
 * `dirname`, `sed` and `uname` before it starts node, about 5 ms on every hook (bench/README.md).
 * The `.bin` line stays as the fallback, and it is also what marks an entry as handoff's, so
 * entries written before this are still found, updated and removed.
 */
const CLI_FILE = "node_modules/@handoff/cli/dist/cli.cjs";

function handoffInvocation(args: string): string {
  return `{ if [ -f ${CLI_FILE} ]; then node ${CLI_FILE} hook ${args}; else ${HOOK_MARKER}${args}; fi; }`;
}

/** The command an agent's configuration runs for `event`: the payload comes on stdin. */
export function agentHookCommand(agent: HookAgent, event: HookEvent): string {
  return `${GUARD} && ${handoffInvocation(`${agent} ${event}`)} 2>/dev/null; exit 0`;
}

/**
 * The `notify` line for Codex versions without hooks: Codex passes its JSON as the program's last
 * argument (https://developers.openai.com/codex/config-advanced#notifications). Goes in the user's
 * own ~/.codex/config.toml, which handoff never writes.
 */
export function codexNotifyLine(): string {
  const script = `${GUARD} && ${handoffInvocation('codex notify "$1"')} 2>/dev/null; exit 0`;
  return `notify = ["sh", "-c", ${JSON.stringify(script)}, "handoff"]`;
}
