import { HandoffError } from "../errors.js";
import { gitClient } from "./client.js";
import type { RepoPaths } from "./repo.js";

/** Pathspecs for "everything but these files", so state files never end up in a commit or stash. */
function everythingBut(files: readonly string[]): string[] {
  return ["--", ".", ...files.map((file) => `:(exclude,literal)${file}`)];
}

function gitFailure(action: string, error: unknown): HandoffError {
  const detail = error instanceof Error ? error.message.trim() : String(error);
  return new HandoffError("E_GIT", `${action} failed; nothing was lost, your changes are still in the work tree:\n${detail}`, {
    hint: "fix what git reports above (a failing pre-commit hook, say) and run the command again",
    cause: error,
  });
}

/** `git add -A` and commit, leaving the state files out. Returns the new commit's short id. */
export async function commitWorkInProgress(repo: RepoPaths, message: string, keepOut: readonly string[]): Promise<string> {
  const git = gitClient(repo.root);
  try {
    await git.raw(["add", "-A", ...everythingBut(keepOut)]);
    await git.raw(["commit", "-m", message]);
  } catch (error) {
    throw gitFailure("git commit", error);
  }
  return (await git.raw(["rev-parse", "--short", "HEAD"])).trim();
}

/** `git stash push --include-untracked`, leaving the state files out. */
export async function stashWorkInProgress(repo: RepoPaths, message: string, keepOut: readonly string[]): Promise<void> {
  try {
    await gitClient(repo.root).raw(["stash", "push", "--include-untracked", "-m", message, ...everythingBut(keepOut)]);
  } catch (error) {
    throw gitFailure("git stash", error);
  }
}
