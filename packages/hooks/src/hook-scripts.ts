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
 * An `if` that is true when handoff is on and its runner is installed, setting `handoff_common` to
 * the common git directory. At the top of a main work tree that is `.git`, with no git process to
 * start; elsewhere (a linked worktree, a submodule, GIT_DIR set) `git rev-parse` says where it is.
 */
const IF_RUNNER = [
  'if [ "${HANDOFF_SKIP:-}" != 1 ] && { { [ -z "${GIT_DIR:-}" ] && [ -d .git ] && handoff_common=.git; } ||',
  '  handoff_common=$(git rev-parse --git-common-dir 2>/dev/null); } && [ -f "$handoff_common/handoff/hook.sh" ]; then',
];

/**
 * The lines that call the runner. They never fail when handoff is not set up in this clone (the
 * runner is absent), which matters under husky's `sh -e`. pre-push reads git's stdin once, hands
 * it to the check and keeps it (`handoff_input`) for whatever runs after.
 */
function callLines(hook: HookName): string[] {
  if (hook !== "pre-push") {
    // The fast path settles most events of a storm (a rebase's picks, events a queued refresh
    // covers) in this very process; it knows the git directory only at the top of a main work tree.
    return [
      ...IF_RUNNER,
      `  handoff_hook=${hook}`,
      '  handoff_git=; [ "$handoff_common" != .git ] || handoff_git=.git',
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
