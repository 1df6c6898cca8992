import { findExecutable } from "@handoff/core/internal";

/**
 * Runs `handoff hook-save <agent>`, the saves the hook queued: detached with no stdio, so that the
 * agent's turn never waits for them (bench/agent-hooks.mjs measures how soon the state is complete);
 * or, with `wait`, to the end, for its answer (after a rate limit).
 */
export async function runQueuedSaves(agent: string, cwd: string, wait: boolean): Promise<string | undefined> {
  const { spawn, spawnSync } = await import("node:child_process");
  const command = [process.execPath, process.argv[1] ?? "", "hook-save", agent];
  if (wait) return spawnSync(command[0]!, command.slice(1), { cwd, stdio: ["ignore", "pipe", "ignore"], encoding: "utf8" }).stdout.trim() || undefined;
  // Niced, as the git hooks' refresh is: the save yields the CPU to the agent and to its next turn.
  const nice = findExecutable("nice");
  const [program, ...args] = nice ? [nice, "-n", "10", ...command] : command;
  spawn(program!, args, { cwd, detached: true, stdio: "ignore" }).unref();
  return undefined;
}
