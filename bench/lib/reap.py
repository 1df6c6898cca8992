#!/usr/bin/env python3
"""Runs one command and accounts for every process it leaves behind (Linux).

    python3 reap.py <state-file|-> <command> [args...]

The git hooks start their refresh detached: the process outlives the hook and is reparented,
so the usual rusage of a child misses it. This script makes itself a child subreaper
(prctl PR_SET_CHILD_SUBREAPER), so that those orphans are reparented to it; it waits for every
one of them, and the rusage of its children then holds the CPU of the whole tree.

Prints one JSON line: wall (ms, the command alone), settle (ms from the command's end until the
state file names HEAD's commit and branch, or null without a state file), drain (ms until the last
descendant exited), cpu (user + system ms of the command and all its descendants). Exits non-zero
if the state does not name HEAD any more once the last descendant exited.
"""
import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def head(cwd):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=cwd, capture_output=True, text=True).stdout.strip()
    branch = subprocess.run(["git", "branch", "--show-current"], cwd=cwd, capture_output=True, text=True).stdout.strip()
    return commit, branch


def state_on(state_file, commit, branch):
    try:
        with open(state_file, encoding="utf8") as handle:
            git = json.load(handle)["git"]
        return git.get("last_commit") == commit and git.get("branch") == branch
    except (OSError, ValueError, KeyError):
        return False


def reap_all():
    """Collects every exited descendant; returns False once none is left."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return False
        if pid == 0:
            return True


def main():
    state_file, command = sys.argv[1], sys.argv[2:]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("prctl(PR_SET_CHILD_SUBREAPER) failed: this needs Linux")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, stderr = child.communicate()
    ended = time.monotonic()
    if child.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {child.returncode}: {stderr.decode(errors='replace')}")
    settle = None
    if state_file != "-":
        # git's own answer to "where is HEAD" is not the command's CPU: leave it out of the sum.
        before_head = resource.getrusage(resource.RUSAGE_CHILDREN)
        commit, branch = head(os.getcwd())
        after_head = resource.getrusage(resource.RUSAGE_CHILDREN)
        before = resource.struct_rusage(
            (before.ru_utime + after_head.ru_utime - before_head.ru_utime, before.ru_stime + after_head.ru_stime - before_head.ru_stime)
            + tuple(before)[2:]
        )
        while not state_on(state_file, commit, branch):
            reap_all()
            if time.monotonic() - ended > 30:
                sys.exit("the state never reached HEAD within 30 s")
            time.sleep(0.002)
        settle = (time.monotonic() - ended) * 1000
    while reap_all():
        time.sleep(0.002)
    drained = time.monotonic()
    # Nothing stale at the end, ever: once every refresh has exited, the state must still name HEAD
    # (a state that matched by chance, mid-storm, and was then overwritten would fail here).
    if state_file != "-" and not state_on(state_file, commit, branch):
        sys.exit("the state no longer names HEAD after every refresh exited")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    print(json.dumps({"wall": (ended - start) * 1000, "settle": settle, "drain": (drained - ended) * 1000, "cpu": cpu}))


main()
