import { currentBranch, isHandoffError, loadConfig, pushStates, resolveRepo, runGit } from "@handoff/core/internal";
import { errorText } from "./error-text.js";
import { hookLogPath } from "./git-folder.js";
import { appendHookLog } from "./hook-log.js";
import { parsePushUpdates, pushesCommits } from "./pre-push-input.js";
import type { PrePushOptions } from "./run-pre-push.js";
import type { Trace } from "./run-refresh.js";
import { sharePushFailed, statesNotPushed, statesNotPushedLogged, statesPushed } from "./messages.js";

export interface SharePushOptions {
  /** The work tree's top level. */
  root: string;
  /** git's first argument to pre-push: the remote's name (or its URL when the push names none). */
  remote: string;
  stdin: string;
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
}

/**
 * With `"share": "push"` in handoff.config.json, pushes refs/handoff/<branch> (handoff push)
 * when the current branch is among the refs being pushed. Throws what fails; the pre-push
 * handler logs it and lets the user's push go.
 */
export async function sharePushedBranch(options: SharePushOptions): Promise<void> {
  let config;
  try {
    config = loadConfig(options.root);
  } catch (error) {
    if (isHandoffError(error)) return; // the pre-push check has already said what is wrong with it
    throw error;
  }
  if (config.share !== "push") return;
  const branch = await currentBranch(options.root, options.env).catch(() => undefined);
  const pushed = parsePushUpdates(options.stdin).filter(pushesCommits);
  if (!branch || !pushed.some((update) => update.localRef === `refs/heads/${branch}`)) return;
  // A push to a URL (no remote name) has no place to keep the remote's states: nothing is shared.
  const remotes = (await runGit(options.root, ["remote"], { env: options.env })).stdout.toString("utf8").split("\n");
  if (!remotes.includes(options.remote)) return;
  const result = await pushStates({ root: options.root, config, remote: options.remote, env: options.env });
  if (result.changed) options.out(statesPushed(branch, result.remote, result.ref));
}

/** What the pre-push hook calls once its check lets the push go. Never throws: a failure is logged. */
export async function shareOnPrePush(options: PrePushOptions, trace: Trace): Promise<void> {
  try {
    await sharePushedBranch({ ...options, root: options.cwd });
  } catch (error) {
    trace(`the session states were not pushed: ${errorText(error)}`);
    try {
      const { gitDir } = await resolveRepo(options.cwd);
      appendHookLog(gitDir, "ERROR", "pre-push", sharePushFailed(errorText(error)));
      options.out(statesNotPushedLogged(hookLogPath(gitDir)));
    } catch {
      options.out(statesNotPushed(errorText(error)));
    }
  }
}
