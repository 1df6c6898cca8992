import { shellQuote } from "./shell-quote.js";

/** A git work tree that holds the recorded node or handoff, and its folder a checkout must not have touched. */
export interface RunnerGuard {
  /** The work tree's top level. */
  tree: string;
  /** The folder of that work tree, relative to it, that must hold no file git tracks (`node_modules`, say). */
  folder: string;
}

export interface RunnerTarget {
  /** Absolute path of the node binary `handoff hooks install` ran with. */
  node: string;
  /** Absolute path of the handoff bin (dist/cli.cjs) it was installed from, symlinks resolved. */
  cli: string;
  /** Set by installHooks: the work trees that hold `node` or `cli`, checked before every run. */
  guards?: RunnerGuard[];
}

/** What `handoff hooks run pre-push` prints on stdout when its check blocks the push. */
export const PRE_PUSH_BLOCKED = "blocked";

/** The hook log line's first words when the recorded handoff is gone (tests and `handoff status` match them). */
export const NOT_FOUND = "handoff was not found";
/** The hook log line's first words when the hooks refused to run the recorded handoff. */
export const NOT_RUN = "handoff was not run";

const REINSTALL = "run `npx handoff hooks install` again";

/**
 * The function that prints why the recorded handoff must not run, or nothing when it may: it is
 * gone; or it lives in a work tree whose checkout could have replaced it, because git tracks a
 * file in its folder there (a branch that force-adds node_modules/@handoff/cli/dist/cli.cjs) or
 * because one of its files is newer than the last install.
 */
function trustCheck(target: RunnerTarget): string[] {
  const guards = (target.guards ?? []).map(
    ({ tree, folder }) => `  handoff_guard ${shellQuote(tree)} ${shellQuote(folder)} || return 0`,
  );
  const cliGuarded = (target.guards ?? []).length > 0;
  return [
    "handoff_guard() {",
    // icase: on a case-insensitive file system, a branch's NODE_MODULES/... is checked out into node_modules/.
    '  git -C "$1" ls-files --error-unmatch -- ":(icase,literal)$2" >/dev/null 2>&1',
    "  case $? in",
    "    1) return 0 ;;",
    `    0) echo "${NOT_RUN}: git tracks files in $1/$2, where the recorded handoff lives, so a checked-out branch may have put them there (docs/hooks.md, What the hooks run)" ;;`,
    `    *) echo "${NOT_RUN}: git could not list the files in $1/$2, where the recorded handoff lives" ;;`,
    "  esac",
    "  return 1",
    "}",
    "handoff_untrusted() {",
    "  unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR GIT_OBJECT_DIRECTORY",
    '  if ! [ -x "$handoff_node" ] || ! [ -f "$handoff_cli" ]; then',
    `    echo "${NOT_FOUND} ($handoff_node or $handoff_cli is gone); ${REINSTALL.replaceAll("`", "\\`")}"`,
    "    return 0",
    "  fi",
    ...guards,
    ...(cliGuarded
      ? [
          '  handoff_changed=$(find "${handoff_cli%/*}" -newer "${0%/*}/installed" ! -type d 2>/dev/null) || handoff_changed="(find failed)"',
          '  [ -z "$handoff_changed" ] ||',
          `    echo "${NOT_RUN}: $(echo "$handoff_changed" | head -n 1) changed after the last \\\`handoff hooks install\\\`; if you upgraded handoff, ${REINSTALL.replaceAll("`", "\\`")}"`,
        ]
      : []),
  ];
}

/**
 * The shell runner every handoff hook calls as `sh <runner> <hook> [git's arguments]`. It lives in
 * the git directory, where no checkout writes, and:
 * - runs only the node and handoff recorded by `handoff hooks install` (never node_modules/.bin or
 *   PATH), and only after the trust check above, in the background for the refresh hooks;
 * - skips a file checkout and the per-commit runs of a rebase without starting node;
 * - coalesces a storm of events in the shell: an event that finds the queue marker owned by a live
 *   refresh (one that has not read git yet) returns at once, leaving a note that events keep
 *   coming; otherwise it takes the marker and starts the refresh detached (stdio closed, so that a
 *   caller reading git's output never waits), which waits for a pause in the events (3 s at most);
 * - runs pre-push in the foreground with stdin, and lets the push go with a warning when the check
 *   cannot run (handoff gone, a file of it missing, node gone): only a `blocked` verdict blocks.
 */
export function renderRunner(target: RunnerTarget): string {
  return `#!/bin/sh
# handoff hook runner, written by \`handoff hooks install\` (run it again to update this file).
# The installed hooks call it as: sh <this file> <hook> [git's arguments]
# HANDOFF_SKIP=1 turns the handoff hooks off; HANDOFF_DEBUG=1 traces them on stderr.
[ "\${HANDOFF_SKIP:-}" = 1 ] && exit 0
[ "\${HANDOFF_DEBUG:-}" = 1 ] && set -x
handoff_node=${shellQuote(target.node)}
handoff_cli=${shellQuote(target.cli)}
handoff_hook="$1"
shift
if [ "$handoff_hook" = --refresh ]; then
  handoff_hook="$1"
  shift
  handoff_mode=refresh
fi
# The git directory without a git process where git says it plainly: .git at the top of a main
# work tree, or the absolute GIT_DIR git exports to hooks in a linked worktree or a submodule.
case "\${GIT_DIR:-}" in
  /*) handoff_git=$GIT_DIR ;;
  '') [ -d .git ] && handoff_git=.git || handoff_git=$(git rev-parse --git-dir 2>/dev/null) || exit 0 ;;
  *) handoff_git=$(git rev-parse --git-dir 2>/dev/null) || exit 0 ;;
esac
handoff_queue="$handoff_git/handoff/refresh.queued"
handoff_again="$handoff_git/handoff/refresh.again"
handoff_boot=
[ -r /proc/sys/kernel/random/boot_id ] && read -r handoff_boot 2>/dev/null </proc/sys/kernel/random/boot_id

handoff_log() {
  [ -d "$handoff_git/handoff" ] || mkdir -p "$handoff_git/handoff" 2>/dev/null
  printf '%s ERROR %s: %s\\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$handoff_hook" "$1" >>"$handoff_git/handoff/hooks.log" 2>/dev/null
  return 0
}

${trustCheck(target).join("\n")}
}

# The queue marker holds "<pid> <boot id>" of the refresh that owns it.
handoff_owner() {
  handoff_owner_pid=
  handoff_owner_boot=
  read -r handoff_owner_pid handoff_owner_boot 2>/dev/null <"$handoff_queue"
}
handoff_queue_owned() {
  handoff_owner
  [ -n "$handoff_owner_pid" ] && [ "$handoff_owner_boot" = "$handoff_boot" ] && kill -0 "$handoff_owner_pid" 2>/dev/null
}
handoff_claim() {
  set -C
  { echo "$$ $handoff_boot" >"$handoff_queue"; } 2>/dev/null
  handoff_claimed=$?
  set +C
  return $handoff_claimed
}

if [ "\${handoff_mode:-}" = refresh ]; then
  # The background refresh. Wait until the hook that started it has recorded its process id in
  # the marker (or is gone), so that the marker never names a refresh that has read git already.
  while handoff_owner && [ "$handoff_owner_pid" = "$PPID" ] && kill -0 "$PPID" 2>/dev/null; do
    sleep 0.01 2>/dev/null || sleep 1
  done
  # Start when git is done and the events pause: while they keep coming (a loop of commits, a
  # script switching branches), wait until none came for 0.3 s (scripts and agents fire faster
  # than that), for at most 10 seconds. A storm then costs a refresh or two, not one per event.
  # An event truncates refresh.again; the refresh compares its time with a mark of its own. Both
  # stay empty: truncating a file that holds data makes ext4 flush it (see fast-path-script.ts).
  # (A \`sleep\` without fractions fails here, and the refresh starts at once.)
  handoff_mark="$handoff_git/handoff/refresh.mark"
  : 2>/dev/null >"$handoff_mark"
  sleep 0.3 2>/dev/null
  handoff_waits=0
  while [ "$handoff_again" -nt "$handoff_mark" ] && [ "$handoff_waits" -lt 33 ]; do
    : 2>/dev/null >"$handoff_mark"
    sleep 0.3 2>/dev/null || break
    handoff_waits=$((handoff_waits + 1))
  done
  handoff_why=$(handoff_untrusted)
  if [ -n "$handoff_why" ]; then
    handoff_log "$handoff_why"
    handoff_owner
    [ "$handoff_owner_pid" = $$ ] && rm -f "$handoff_queue"
    exit 0
  fi
  # In the middle of a storm (the wait above ran out), niced, so that it yields the CPU to git;
  # after a pause at full speed, so that the states are on HEAD soon after the last event.
  handoff_nice=
  [ "$handoff_waits" -ge 33 ] && command -v nice >/dev/null 2>&1 && handoff_nice="nice -n 10"
  $handoff_nice "$handoff_node" "$handoff_cli" hooks run "$handoff_hook" -- "$@"
  handoff_code=$?
  # The refresh logs its own failures and exits 0: anything else is handoff failing to start.
  if [ "$handoff_code" != 0 ]; then
    handoff_log "the refresh could not run (handoff exited $handoff_code: is a file of it missing?); ${REINSTALL.replaceAll("`", "\\`")}"
    handoff_owner
    [ "$handoff_owner_pid" = $$ ] && rm -f "$handoff_queue"
  fi
  exit 0
fi

if [ "$handoff_hook" != pre-push ]; then
  handoff_done=
  [ ! -f "\${0%/*}/fast-path.sh" ] || . "\${0%/*}/fast-path.sh"
  [ "$handoff_done" = 1 ] && exit 0
fi

case "$handoff_hook" in
  pre-push)
    handoff_why=$(handoff_untrusted)
    if [ -z "$handoff_why" ]; then
      handoff_verdict=$("$handoff_node" "$handoff_cli" hooks run pre-push -- "$@")
      handoff_code=$?
      [ "$handoff_code" = 0 ] && exit 0
      [ "$handoff_verdict" = ${PRE_PUSH_BLOCKED} ] && exit "$handoff_code"
      handoff_why="the pre-push check could not run (handoff exited $handoff_code)"
    fi
    handoff_log "$handoff_why"
    echo "handoff: $handoff_why; the push goes ahead (see $handoff_git/handoff/hooks.log)" >&2
    exit 0 ;;
esac

# Take the queue marker. Another event may have taken it since the fast path looked: then that
# refresh covers this change too, unless its process is gone (taken over).
[ -d "$handoff_git/handoff" ] || mkdir -p "$handoff_git/handoff" 2>/dev/null
if ! handoff_claim; then
  if handoff_queue_owned; then
    : 2>/dev/null >"$handoff_again"
    exit 0
  fi
  rm -f "$handoff_queue"
  handoff_claim || exit 0
fi
# Detached, so that git returns at once (and so that post-rewrite can see the rebase end).
# HANDOFF_DEBUG=1 keeps the trace on stderr; otherwise stdio is closed, so that a program reading
# git's output never waits for the refresh.
if [ "\${HANDOFF_DEBUG:-}" = 1 ]; then
  (trap '' HUP; exec sh "$0" --refresh "$handoff_hook" "$@") </dev/null &
else
  (trap '' HUP; exec sh "$0" --refresh "$handoff_hook" "$@") </dev/null >/dev/null 2>&1 &
fi
# Written over the claim in place (\`1<>\`: no truncation, so no flush, and never an empty marker);
# a shorter line leaves the claim's last bytes after its newline, which no reader looks at.
echo "$! $handoff_boot" 1<>"$handoff_queue"
exit 0
`;
}
