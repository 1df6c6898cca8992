import type { AgentInfo } from "../agents/registry.js";
import { joinNames } from "../util/paths.js";

/** Where an agent's state lives in a work tree. */
export function statePath(root: string, agent: Pick<AgentInfo, "file">): string {
  return joinNames(root, ...agent.file.split("/"));
}
