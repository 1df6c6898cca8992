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
 * they come from the user, never from a file handoff reads. It runs the commands that start
 * the user's own hooks (the work-in-progress commit and stash); the reads on every save run
 * through runGit instead (snapshot.ts), which costs no library load.
 */
export function gitClient(directory: string): SimpleGit {
  return simpleGit(options(directory)).env(gitEnvironment());
}

