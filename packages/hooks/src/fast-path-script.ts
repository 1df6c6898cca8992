/**
 * The hooks' fast path, sourced (`.`) by the installed hooks and by the runner, so that it costs
 * no process: it decides the events that need nothing from handoff and sets `handoff_done=1` for
 * them. It reads `handoff_hook`, `handoff_git` (the git directory, or empty when the caller does not
 * know it) and git's arguments to the hook. The events it settles:
 * - a file checkout (post-checkout with flag 0), which changes no branch;
 * - each commit a rebase picks (post-rewrite refreshes once when the rebase ends);
 * - an event that finds a refresh queued, owned by a live process of this boot: that refresh has
 *   not read git yet, so it will see this change; the event leaves a note that events keep coming.
 * Every line succeeds, since husky runs its hook files with `sh -e`. The note is an empty file whose
 * time is all that counts, so the event truncates it (`: >`) and writes nothing: on ext4,
 * truncating a file that holds data makes the kernel flush it, about 3 ms of each event's wall time
 * in bench/README.md's storms (a `printf x >` here was most of what a commit storm paid).
 */
export function renderFastPath(): string {
  return `# handoff's fast path, written by \`handoff hooks install\`; the hooks source it (see the runner).
handoff_done=
if [ -n "\${handoff_git:-}" ]; then
  if [ "$handoff_hook" = post-checkout ] && [ "\${3:-}" != 1 ]; then
    handoff_done=1
  elif { [ "$handoff_hook" != post-rewrite ] || [ "\${1:-}" != rebase ]; } &&
    { [ -d "$handoff_git/rebase-merge" ] || [ -d "$handoff_git/rebase-apply" ]; }; then
    handoff_done=1
  elif read -r handoff_pid handoff_pid_boot 2>/dev/null <"$handoff_git/handoff/refresh.queued" &&
    [ -n "$handoff_pid" ] && kill -0 "$handoff_pid" 2>/dev/null; then
    handoff_boot=
    if [ -r /proc/sys/kernel/random/boot_id ]; then read -r handoff_boot 2>/dev/null </proc/sys/kernel/random/boot_id || :; fi
    if [ "\${handoff_pid_boot:-}" = "$handoff_boot" ]; then
      : 2>/dev/null >"$handoff_git/handoff/refresh.again" || :
      handoff_done=1
      if [ "\${HANDOFF_DEBUG:-}" = 1 ]; then
        echo "handoff $handoff_hook: a refresh already queued (process $handoff_pid) will pick this change up" >&2
      fi
    fi
  fi
fi
`;
}
