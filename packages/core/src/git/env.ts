/**
 * Variables that point git at another repository, index or object store. A hook's
 * environment sets some of them; every reader here passes an explicit directory instead.
 */
const REPOSITORY_VARIABLES = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_COMMON_DIR",
  "GIT_PREFIX",
  "GIT_NAMESPACE",
  "GIT_QUARANTINE_PATH",
];

/**
 * Programs git could start for a person (editors, pagers, password prompts, ssh, external diff):
 * handoff never needs them, and simple-git refuses to pass them on.
 */
const INTERACTIVE_VARIABLES = [
  "EDITOR",
  "VISUAL",
  "GIT_EDITOR",
  "GIT_SEQUENCE_EDITOR",
  "PAGER",
  "GIT_PAGER",
  "GIT_ASKPASS",
  "SSH_ASKPASS",
  "GIT_SSH",
  "GIT_SSH_COMMAND",
  "GIT_EXTERNAL_DIFF",
  "GIT_PROXY_COMMAND",
  "GIT_TEMPLATE_DIR",
];

/** What git needs to reach a remote the way the user's own `git push` does (handoff push and pull). */
const TRANSPORT_VARIABLES = ["GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_PROXY_COMMAND"];

/**
 * The environment for git: the caller's, less repository overrides and interactive programs.
 * With `transport`, the programs that carry git's authentication and connections are kept.
 */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env, transport = false): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    const kept = transport && TRANSPORT_VARIABLES.includes(key.toUpperCase());
    const dropped = REPOSITORY_VARIABLES.includes(key) || (!kept && INTERACTIVE_VARIABLES.includes(key.toUpperCase()));
    if (value !== undefined && !dropped) env[key] = value;
  }
  // A refresh must never take the index lock away from the user's own git command.
  env.GIT_OPTIONAL_LOCKS = "0";
  env.GIT_TERMINAL_PROMPT = "0";
  return env;
}
