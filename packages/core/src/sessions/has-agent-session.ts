import { currentEnvironment } from "./env.js";
import { sessionReaderFor } from "./readers.js";

/** Whether `agent` has a session for the repository that handoff can read (for `handoff agents`). */
export async function hasAgentSession(agent: string, root: string, env?: NodeJS.ProcessEnv): Promise<boolean> {
  const reader = sessionReaderFor(agent);
  if (!reader) return false;
  try {
    return (await reader.find(root, currentEnvironment(env))).session !== undefined;
  } catch {
    return false;
  }
}
