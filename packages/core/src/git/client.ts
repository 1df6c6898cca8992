import { simpleGit, type SimpleGit } from "simple-git";
import { gitEnvironment } from "./env.js";

/**
 * A simple-git client bound to one directory, blind to the ambient GIT_DIR and friends.
 * The user's own config locations (GIT_CONFIG_GLOBAL, `git -c` passed to hooks) are honoured:
 * they come from the user, never from a file handoff reads.
 */
export function gitClient(directory: string): SimpleGit {
  return simpleGit({
    baseDir: directory,
    trimmed: false,
    unsafe: { allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true },
  }).env(gitEnvironment());
}
