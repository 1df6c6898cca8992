import type { HookName } from "./hook-names.js";

/** The second line of every stub handoff writes into a git hooks folder: how uninstall knows its own. */
export const STUB_SIGNATURE = "# handoff-managed hook";
/** Where a hook that was already there goes, so that the stub keeps running it. */
export const CHAINED_SUFFIX = ".handoff-chained";
/** The first and last lines of the block handoff adds to a husky hook file. */
export const BLOCK_BEGIN = "# >>> handoff";
export const BLOCK_END = "# <<< handoff";
/** Heads a husky hook file handoff created, so that uninstall deletes it instead of leaving it empty. */
export const CREATED_LINE = "# created by `handoff hooks install`; `handoff hooks uninstall` deletes this file";

/**
 * Finds the git directory (`handoff_git`) and the common one (`handoff_common`) with shell builtins
 * only, as git itself does: `.git` at the top of a main work tree; in a linked worktree or a
 * submodule, the absolute GIT_DIR git exports to its hooks, and the common directory its
 * `commondir` file names (git's setup.c, get_common_dir_noenv). Anything else (a relative GIT_DIR,
 * GIT_COMMON_DIR set) leaves both empty, and `git rev-parse` answers below.
 */
const FIND_GIT_DIR = [
  "handoff_git=",
  "handoff_common=",
  "case ${GIT_DIR:-} in",
  "  '') [ ! -d .git ] || handoff_git=.git ;;",
  '  /*) [ -n "${GIT_COMMON_DIR:-}" ] || handoff_git=$GIT_DIR ;;',
  "esac",
  'if [ -n "$handoff_git" ]; then',
  "  handoff_common=$handoff_git",
  '  if [ -f "$handoff_git/commondir" ]; then',
  '    read -r handoff_common <"$handoff_git/commondir" || :',
  '    case $handoff_common in /*) ;; *) handoff_common=$handoff_git/$handoff_common ;; esac',
  "  fi",
  "fi",
];

/** An `if` that is true when handoff is on and its runner is installed (the common directory found above or by git). */
const IF_RUNNER = [
  ...FIND_GIT_DIR,
  'if [ "${HANDOFF_SKIP:-}" != 1 ] && { [ -n "$handoff_common" ] || handoff_common=$(git rev-parse --git-common-dir 2>/dev/null); } &&',
  '  [ -f "$handoff_common/handoff/hook.sh" ]; then',
];

/**
 * The lines that call the runner. They never fail when handoff is not set up in this clone (the
 * runner is absent), which matters under husky's `sh -e`. pre-push reads git's stdin once, hands
 * it to the check and keeps it (`handoff_input`) for whatever runs after.
 */
function callLines(hook: HookName): string[] {
  if (hook !== "pre-push") {
    // The fast path settles most events of a storm (a rebase's picks, events a queued refresh
    // covers) in this very process, with builtins only, wherever the git directory was found above.
    return [
      ...IF_RUNNER,
      `  handoff_hook=${hook}`,
      '  handoff_done=; [ ! -f "$handoff_common/handoff/fast-path.sh" ] || . "$handoff_common/handoff/fast-path.sh"',
      `  [ "$handoff_done" = 1 ] || sh "$handoff_common/handoff/hook.sh" ${hook} "$@"`,
      "fi",
    ];
  }
  return [
    "handoff_input=$(cat)",
    `handoff_feed() { [ -z "$handoff_input" ] || printf '%s\\n' "$handoff_input"; }`,
    ...IF_RUNNER,
    `  handoff_feed | sh "$handoff_common/handoff/hook.sh" pre-push "$@" || exit $?`,
    "fi",
  ];
}

/** The executable hook written into git's hooks folder (plain git, or a custom core.hooksPath). */
export function renderStub(hook: HookName): string {
  const chained = `"$0${CHAINED_SUFFIX}"`;
  const runChained =
    hook === "pre-push"
      ? [`if [ -x ${chained} ]; then handoff_feed | ${chained} "$@"; exit $?; fi`, "exit 0"]
      : [`if [ -x ${chained} ]; then exec ${chained} "$@"; fi`];
  return [
    "#!/bin/sh",
    STUB_SIGNATURE,
    `# ${hook}: keeps the agents' session state in step with git. Written by \`handoff hooks install\`;`,
    `# \`handoff hooks uninstall\` puts back the hook that was here, which meanwhile runs as ${hook}${CHAINED_SUFFIX}.`,
    ...callLines(hook),
    ...runChained,
    "",
  ].join("\n");
}

/**
 * The block added to `.husky/<hook>`. husky runs that file with `sh -e`, so every line succeeds
 * unless the pre-push check blocks the push. For pre-push, the rest of the file gets git's stdin back.
 */
export function renderHuskyBlock(hook: HookName): string[] {
  const restoreInput =
    hook === "pre-push"
      ? ['if [ -z "$handoff_input" ]; then exec 0</dev/null; else exec 0<<HANDOFF_INPUT', "$handoff_input", "HANDOFF_INPUT", "fi"]
      : [];
  return [
    `${BLOCK_BEGIN}: keeps agent session state fresh (\`handoff hooks uninstall\` removes this block)`,
    ...callLines(hook),
    ...restoreInput,
    BLOCK_END,
  ];
}
