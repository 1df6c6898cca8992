import type { HookName } from "./hook-names.js";
import { runPrePushHook } from "./run-pre-push.js";
import { runRefreshHook, type Trace } from "./run-refresh.js";

export interface RunHookOptions {
  hook: HookName;
  /** git's arguments to the hook. */
  args: readonly string[];
  /** The work tree's top level (where git runs hooks). */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** pre-push only: reads what git wrote on the hook's stdin. */
  readStdin?: () => Promise<string>;
  /** Messages git shows the user: pre-push findings, and the HANDOFF_DEBUG=1 trace. */
  out: (line: string) => void;
}

/**
 * `handoff hooks run <hook>`: the exit code for git. The refresh hooks always return 0 (they are
 * started in the background by the installed stub); pre-push returns the check's verdict.
 */
export async function runHook(options: RunHookOptions): Promise<number> {
  const env = options.env ?? process.env;
  const trace: Trace = env.HANDOFF_DEBUG === "1" ? (message) => options.out(`handoff ${options.hook}: ${message}`) : () => {};
  if (env.HANDOFF_SKIP === "1") {
    trace("HANDOFF_SKIP=1, skipped");
    return 0;
  }
  if (options.hook === "pre-push") {
    const [remote = "", url = ""] = options.args;
    const stdin = options.readStdin ? await options.readStdin() : "";
    return runPrePushHook({ cwd: options.cwd, remote, url, stdin, env, out: options.out }, trace);
  }
  await runRefreshHook(options.hook, options.args, options.cwd, trace);
  return 0;
}
