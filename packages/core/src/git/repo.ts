import { existsSync } from "node:fs";
import path from "node:path";
import { HandoffError, isHandoffError } from "../errors.js";
import { discoverFromFiles } from "./discover-from-files.js";
import type { RepoPaths } from "./repo-paths.js";
import { BARE_REPO_HINT, bareOrGitDir, bareRepo, NOT_GIT_REPO_HINT, notGitRepo, revParseFailed } from "../messages.js";

export type { RepoPaths } from "./repo-paths.js";

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const REV_PARSE = ["rev-parse", "--is-bare-repository", "--absolute-git-dir", "--show-toplevel", "--verify", "-q", "HEAD"];

/**
 * Repository discovery runs before every command, `handoff restore`'s fast path included, where
 * loading simple-git would cost more than this one git process. A non-zero exit is an error only
 * when git says why on stderr: with no commits yet, `--verify -q HEAD` exits 1 quietly.
 */
async function revParse(cwd: string): Promise<string> {
  // Loaded here: a fresh restore, answered from the files, never starts a child process.
  const { runGit } = await import("./run-git.js");
  const result = await runGit(cwd, REV_PARSE);
  if (result.code !== 0 && result.stderr.length > 0) throw new Error(result.stderr);
  return result.stdout.toString("utf8");
}

/** Finds the repository that contains `cwd`, the way git itself would, ignoring GIT_DIR. */
export async function resolveRepo(cwd: string): Promise<RepoPaths> {
  return discoverFromFiles(cwd) ?? (await resolveWithGit(cwd));
}

/** `resolveRepo` by asking git; also what tests hold the file-based discovery against. */
export async function resolveWithGit(cwd: string): Promise<RepoPaths> {
  let output: string;
  try {
    output = await revParse(cwd);
  } catch (error) {
    // runGit's own error says git itself could not start; a missing cwd fails to spawn the same way.
    if (isHandoffError(error) && existsSync(cwd)) throw error;
    const text = errorText(error);
    if (/must be run in a work tree|bare repository/i.test(text)) {
      throw new HandoffError("E_BARE_REPO", bareOrGitDir(cwd), {
        hint: BARE_REPO_HINT,
        cause: error,
      });
    }
    if (/not a git repository/i.test(text) || /does not exist|ENOENT|ENOTDIR/i.test(text)) {
      throw new HandoffError("E_NOT_GIT_REPO", notGitRepo(cwd), {
        hint: NOT_GIT_REPO_HINT,
        cause: error,
      });
    }
    throw new HandoffError("E_GIT", revParseFailed(cwd, text.trim()), { cause: error });
  }
  // HEAD is missing from the output when there is no commit yet (see revParse).
  const [bare, gitDir, root, head] = output.split("\n");
  if (bare === "true" || !root) {
    throw new HandoffError("E_BARE_REPO", bareRepo(cwd), {
      hint: BARE_REPO_HINT,
    });
  }
  return {
    root: path.resolve(root),
    gitDir: path.resolve(gitDir ?? path.join(root, ".git")),
    head: head ? head : null,
  };
}
