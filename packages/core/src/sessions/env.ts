import os from "node:os";
import path from "node:path";
import type { SessionEnvironment } from "./types.js";

/** The process environment and home folder, as the agents themselves would see them. */
export function currentEnvironment(env: NodeJS.ProcessEnv = process.env): SessionEnvironment {
  return { env, home: env.HOME || env.USERPROFILE || os.homedir() };
}

/** `HANDOFF_<AGENT>_DIR`, which overrides wherever the agent itself keeps its sessions. */
export function handoffOverride(agent: string, where: SessionEnvironment): string | undefined {
  const value = where.env[`HANDOFF_${agent.toUpperCase()}_DIR`];
  return value ? path.resolve(value) : undefined;
}

/** The first set variable, resolved; undefined when none is set. */
export function fromVariable(where: SessionEnvironment, name: string): string | undefined {
  const value = where.env[name];
  return value ? path.resolve(value) : undefined;
}
