import { shellQuote } from "./shell-quote.js";

export interface RunnerTarget {
  /** Absolute path of the node binary `handoff hooks install` ran with. */
  node: string;
  /** Absolute path of the handoff bin (dist/cli.cjs) it was installed from. */
  cli: string;
}

/**
 * The shell runner every handoff hook calls as `sh <runner> <hook> [git's arguments]`. It lives in
 * the git directory (so the hook files stay free of machine-specific paths) and:
 * - finds handoff: the recorded node + bin, then node_modules/.bin/handoff, then `handoff` on
 *   PATH; when none is there it logs that and exits 0;
 * - skips the refresh for a file checkout and for the per-commit runs of a rebase, without
 *   starting node at all;
 * - starts the refresh detached in the background (stdio closed, so that a caller reading git's
 *   output never waits for it) and returns at once; pre-push runs in the foreground with stdin.
 *   With HANDOFF_DEBUG=1 the background refresh keeps stderr, where its trace goes.
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
handoff_nice=
shift

handoff_log() {
  handoff_git_dir=$(git rev-parse --git-dir 2>/dev/null) || return 0
  mkdir -p "$handoff_git_dir/handoff" 2>/dev/null &&
    printf '%s ERROR %s: %s\\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$handoff_hook" "$1" >>"$handoff_git_dir/handoff/hooks.log" 2>/dev/null
  return 0
}

handoff_run() {
  if [ -x "$handoff_node" ] && [ -f "$handoff_cli" ]; then
    $handoff_nice "$handoff_node" "$handoff_cli" hooks run "$handoff_hook" -- "$@"
  elif [ -x node_modules/.bin/handoff ]; then
    $handoff_nice node_modules/.bin/handoff hooks run "$handoff_hook" -- "$@"
  elif command -v handoff >/dev/null 2>&1; then
    $handoff_nice handoff hooks run "$handoff_hook" -- "$@"
  else
    handoff_log "handoff was not found ($handoff_cli is gone, and there is no node_modules/.bin/handoff or handoff on PATH); run \\\`handoff hooks install\\\` again"
  fi
}

case "$handoff_hook" in
  pre-push)
    handoff_run "$@"
    exit $? ;;
  post-checkout)
    # 1 for a branch checkout; 0 for \`git checkout -- <file>\`, which changes no branch
    [ "\${3:-}" = 1 ] || exit 0 ;;
esac

if [ "$handoff_hook" != post-rewrite ] || [ "\${1:-}" != rebase ]; then
  # During a rebase every picked commit runs these hooks; post-rewrite refreshes once at the end.
  if [ -z "\${GIT_DIR:-}" ] && [ -d .git ]; then
    handoff_git_dir=.git
  else
    handoff_git_dir=$(git rev-parse --git-dir 2>/dev/null) || exit 0
  fi
  [ -d "$handoff_git_dir/rebase-merge" ] || [ -d "$handoff_git_dir/rebase-apply" ] && exit 0
fi

# In the background, so that git returns at once (and so that post-rewrite can see the rebase end).
# The refresh yields the CPU to git and to what the user runs next: it runs niced, and starts a
# tenth of a second late, when git is done (a \`sleep\` without fractions skips that pause).
# HANDOFF_DEBUG=1 keeps the trace on stderr; otherwise stdio is closed, so that a program reading
# git's output never waits for the refresh.
command -v nice >/dev/null 2>&1 && handoff_nice="nice -n 10"
if [ "\${HANDOFF_DEBUG:-}" = 1 ]; then
  (trap '' HUP; handoff_run "$@") </dev/null &
else
  (trap '' HUP; sleep 0.1 2>/dev/null; handoff_run "$@") </dev/null >/dev/null 2>&1 &
fi
exit 0
`;
}
