import type { SimpleGit } from "simple-git";
import { HandoffError } from "../errors.js";
import { gitClient } from "./client.js";
import type { RepoPaths } from "./repo.js";

/** The commit `ref` names; "" when there is none (no commits yet, no stash). */
async function commitOf(git: SimpleGit, ref: string): Promise<string> {
  return (await git.raw(["rev-parse", "-q", "--verify", ref])).trim();
}

function gitFailure(action: string, error: unknown): HandoffError {
  const detail = error instanceof Error ? error.message.trim() : String(error);
  return new HandoffError("E_GIT", `${action} failed; nothing was lost, your changes are still in the work tree:\n${detail}`, {
    hint: "fix what git reports above (a failing pre-commit hook, say) and run the command again",
    cause: error,
  });
}

/**
 * `git add -A` and commit, leaving the state files out even where they are not ignored.
 * Returns the new commit's short id.
 */
export async function commitWorkInProgress(repo: RepoPaths, message: string, keepOut: readonly string[]): Promise<string> {
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
 */
export async function stashWorkInProgress(repo: RepoPaths, message: string): Promise<boolean> {
  const git = gitClient(repo.root);
  try {
    const before = await commitOf(git, "refs/stash");
    await git.raw(["stash", "push", "--include-untracked", "-m", message, "--", ".", ":(exclude,literal).gitignore"]);
    return (await commitOf(git, "refs/stash")) !== before;
  } catch (error) {
    throw gitFailure("git stash", error);
  }
}
