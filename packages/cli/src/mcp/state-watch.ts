import { agentsWithState } from "./agents-with-state.js";

/** How often the server looks for state files that appeared or went away. */
const POLL_MS = 2000;

/**
 * Calls `changed` when the set of agents with a state file changes: a save by this server, by
 * `handoff save` in a terminal or by a hook. The folders (.claude/, .opencode/...) may not exist
 * yet and Node 20 has no recursive fs.watch on Linux, so it polls a few lstat calls; the timer
 * never keeps the process alive.
 */
export function watchStateFiles(cwd: string, changed: () => void): { check: () => Promise<void>; stop: () => void } {
  let known: string | undefined;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const names = (await agentsWithState(cwd)).map((agent) => agent.name).join(",");
      if (known !== undefined && names !== known) changed();
      known = names;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check().catch(() => undefined), POLL_MS);
  timer.unref();
  void check().catch(() => undefined);
  return { check, stop: () => clearInterval(timer) };
}
