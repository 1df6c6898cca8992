import type { SimpleGit } from "simple-git";
import { HandoffError } from "../errors.js";
import { gitClient } from "./client.js";
import { operationInProgress } from "./operation.js";
import type { RepoPaths } from "./repo.js";
import { runGit } from "./run-git.js";
import { HOW_TO_END, operationInProgressHint, operationUnderway, UNMERGED_HINT, unmergedFiles, WIP_FAILED_HINT, wipFailed, wouldDo } from "../messages.js";

/** The commit `ref` names; "" when there is none (no commits yet, no stash). */
async function commitOf(git: SimpleGit, ref: string): Promise<string> {
  return (await git.raw(["rev-parse", "-q", "--verify", ref])).trim();
}

function gitFailure(action: string, error: unknown): HandoffError {
  const detail = error instanceof Error ? error.message.trim() : String(error);
  return new HandoffError("E_GIT", wipFailed(action, detail), {
    hint: WIP_FAILED_HINT,
    cause: error,
  });
}

/** What finishing or abandoning each operation takes, for the hint. */

/**
 * A WIP commit in the middle of a merge (rebase, am, cherry-pick, revert) would stage the conflict
 * markers and conclude the operation; a stash cannot save unmerged files at all. Both are refused
 * until the operation is finished or abandoned, and so are unmerged files left without one (a
 * `git stash pop` that conflicted).
 */
export async function refuseMidOperation(repo: RepoPaths, action: "commit" | "stash"): Promise<void> {
  const operation = operationInProgress(repo.gitDir)?.operation;
  const what = wouldDo(action);
  if (operation && operation !== "bisect") {
    throw new HandoffError("E_GIT", operationUnderway(operation, what), {
      hint: operationInProgressHint(HOW_TO_END[operation], action),
    });
  }
  const unmerged = await runGit(repo.root, ["ls-files", "-u", "-z"]);
  if (unmerged.code === 0 && unmerged.stdout.length > 0) {
    throw new HandoffError("E_GIT", unmergedFiles(action), {
      hint: UNMERGED_HINT,
    });
  }
}

/**
 * `git add -A` and commit, leaving the state files out even where they are not ignored.
 * Returns the new commit's short id.
 */
export async function commitWorkInProgress(repo: RepoPaths, message: string, keepOut: readonly string[]): Promise<string> {
  await refuseMidOperation(repo, "commit");
  const git = gitClient(repo.root);
  // What was staged before `add -A`, so that a refused commit leaves the user's staging as it was.
  const stagedTree = await git.raw(["write-tree"]).then((tree) => tree.trim(), () => undefined);
  const before = await commitOf(git, "HEAD");
  try {
    await git.raw(["add", "-A"]);
    // With no paths, `git reset` would unstage everything `add -A` just staged.
    if (keepOut.length > 0) await git.raw(["reset", "-q", "--", ...keepOut.map((file) => `:(literal)${file}`)]);
    await git.raw(["commit", "-m", message]);
    // "nothing to commit" goes to stdout, which simple-git does not treat as a failure.
    if ((await commitOf(git, "HEAD")) === before) {
      throw new Error("git made no commit: nothing to commit besides the state files, which stay out, or a hook refused silently");
    }
  } catch (error) {
    if (stagedTree) await git.raw(["read-tree", stagedTree]).catch(() => undefined);
    throw gitFailure("git commit", error);
  }
  return (await git.raw(["rev-parse", "--short", "HEAD"])).trim();
}

/**
 * `git stash push --include-untracked`. The state files stay out because they are git-ignored,
 * and so does `.gitignore`, which keeps them ignored: were it stashed, handoff would write it
 * again and `git stash pop` would then refuse to restore it. Returns false when nothing was stashed.
 * The exit code decides failure: git reports some of them ("needs merge") on stdout.
 */
export async function stashWorkInProgress(repo: RepoPaths, message: string): Promise<boolean> {
  await refuseMidOperation(repo, "stash");
  const git = gitClient(repo.root);
  const before = await commitOf(git, "refs/stash").catch((error: unknown) => {
    throw gitFailure("git stash", error);
  });
  const stash = await runGit(repo.root, ["stash", "push", "--include-untracked", "-m", message, "--", ".", ":(exclude,literal).gitignore"]);
  if (stash.code !== 0) {
    const detail = [stash.stdout.toString("utf8"), stash.stderr].map((text) => text.trim()).filter(Boolean).join("\n");
    throw gitFailure("git stash", new Error(detail || `git stash exited with code ${stash.code}`));
  }
  return (await commitOf(git, "refs/stash")) !== before;
}
