import path from "node:path";
import type { AgentInfo } from "../agents/registry.js";

/** Where an agent's state lives in a work tree. */
export function statePath(root: string, agent: Pick<AgentInfo, "file">): string {
  return path.join(root, ...agent.file.split("/"));
}
