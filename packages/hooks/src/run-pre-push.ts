import { resolveRepo } from "@handoff/core";
import { errorText } from "./error-text.js";
import { hookLogPath } from "./git-folder.js";
import { appendHookLog } from "./hook-log.js";
import type { Trace } from "./run-refresh.js";
import { prePushFailed, prePushLogged } from "./messages.js";

/** What ./pre-push.ts's `runPrePush` takes: git's arguments and stdin, and where to print. */
export type PrePushOptions = Parameters<typeof import("./pre-push.js").runPrePush>[0];

/**
 * What the pre-push hook does, in the foreground: run the check and return its exit code (non-zero
 * blocks the push). A check that cannot run is logged and lets the push go: a hook never breaks git.
 */
export async function runPrePushHook(options: PrePushOptions, trace: Trace): Promise<number> {
  try {
    // Loaded only when a push happens: the refresh hooks never pay for the rules engine.
    const { runPrePush } = await import("./pre-push.js");
    const code = await runPrePush(options);
    trace(`pre-push check exited ${code}`);
    if (code === 0) await (await import("./share-on-push.js")).shareOnPrePush(options, trace);
    return code;
  } catch (error) {
    trace(`pre-push check failed: ${errorText(error)}`);
    try {
      const { gitDir } = await resolveRepo(options.cwd);
      appendHookLog(gitDir, "ERROR", "pre-push", errorText(error));
      options.out(prePushLogged(hookLogPath(gitDir)));
    } catch {
      options.out(prePushFailed(errorText(error)));
    }
    return 0;
  }
}
