import { simpleGit, type SimpleGit, type SimpleGitOptions } from "simple-git";
import { gitEnvironment } from "./env.js";

function options(directory: string): Partial<SimpleGitOptions> {
  return {
    baseDir: directory,
    trimmed: false,
    unsafe: { allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true },
  };
}

/**
 * A simple-git client bound to one directory, blind to the ambient GIT_DIR and friends.
 * The user's own config locations (GIT_CONFIG_GLOBAL, `git -c` passed to hooks) are honoured:
 * they come from the user, never from a file handoff reads.
 */
export function gitClient(directory: string): SimpleGit {
  return simpleGit(options(directory)).env(gitEnvironment());
}

/**
 * The same client for commands that only read (status, log): done as soon as git's output
 * closes. simple-git's default also starts a 50 ms timer when git exits, meant for commands
 * whose hooks leave a background process holding the output open (commit, checkout); that
 * timer keeps a short-lived process such as the CLI alive 50 ms after its work is done.
 */
export function gitReader(directory: string): SimpleGit {
  return simpleGit({ ...options(directory), completion: { onClose: true, onExit: false } }).env(gitEnvironment());
}
