import { agentLabel } from "../agents/registry.js";
import type { SaveInput } from "../state/build.js";
import { currentEnvironment } from "./env.js";
import { checkFilesAgainstGit } from "./git-cross-check.js";
import { SESSION_AGENTS, sessionReaderFor } from "./readers.js";
import { UnreadableSession } from "./unreadable.js";

export interface AgentSession {
  agent: string;
  /** The session file that was read. */
  file: string;
  sessionId: string;
  /** The partial state, already redacted. */
  input: SaveInput;
  /** How many secrets the redaction step replaced. */
  redactions: number;
}

export interface AgentSessionResult {
  session?: AgentSession;
  /** What was skipped or not found, for a note on stderr. */
  notes: string[];
  /** Set when the session was found but its format is not one handoff knows: "<file>: unreadable (format X)". */
  unreadable?: string;
}

export interface ReadAgentSessionOptions {
  agent: string;
  /** The repository root: sessions started there or in a folder inside it count. */
  root: string;
  env?: NodeJS.ProcessEnv;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The latest session of `agent` for the repository, as a redacted partial state.
 * Read-only, and never throws for what it finds in the agent's files: problems become notes.
 */
export async function readAgentSession(options: ReadAgentSessionOptions): Promise<AgentSessionResult> {
  const reader = sessionReaderFor(options.agent);
  if (!reader) return { notes: [`handoff cannot read ${agentLabel(options.agent)} sessions (it reads ${SESSION_AGENTS.join(", ")})`] };
  const where = currentEnvironment(options.env);
  try {
    const lookup = await reader.find(options.root, where);
    if (!lookup.session) return { notes: lookup.notes };
    const reading = await reader.read(lookup.session, options.root, where);
    const checked = await checkFilesAgainstGit(options.root, reading.input);
    // Loaded here, not at the top: `handoff agents` reaches this file only for hasAgentSession,
    // and the secret detectors are the heaviest part of the CLI.
    const { redactDeep } = await import("../redact/redact.js");
    const redacted = await redactDeep(checked.input);
    return {
      session: {
        agent: reader.agent,
        file: lookup.session.file,
        sessionId: lookup.session.id,
        input: redacted.value,
        redactions: redacted.count,
      },
      notes: [...lookup.notes, ...reading.notes, ...checked.notes],
    };
  } catch (error) {
    if (error instanceof UnreadableSession) return { notes: [], unreadable: error.message };
    return { notes: [`could not read the ${agentLabel(reader.agent)} session: ${describe(error)}`] };
  }
}

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

/** The input the user typed wins over what was read: only the fields the user left out are filled. */
export function mergeSessionInput(fromSession: SaveInput | undefined, given: SaveInput): SaveInput {
  const merged: SaveInput = { ...(fromSession ?? {}) };
  for (const [key, value] of Object.entries(given) as [keyof SaveInput, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
