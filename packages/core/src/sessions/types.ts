import type { SaveInput } from "../state/build.js";

/** Where a reader looks: the environment (for the agents' own variables) and the home folder. */
export interface SessionEnvironment {
  env: NodeJS.ProcessEnv;
  home: string;
}

/** One session file (or folder) in an agent's own store. */
export interface FoundSession {
  /** The file read, or the main one when a session spans several. */
  file: string;
  id: string;
  /** Milliseconds since the epoch; the newest session for the repository wins. */
  updatedAt: number;
}

export interface SessionLookup {
  session?: FoundSession;
  /** Why nothing was found, or what was skipped on the way. */
  notes: string[];
}

export interface SessionReading {
  /** The partial state read from the session; anything the user gives wins over it. */
  input: SaveInput;
  notes: string[];
}

/** One agent's own session store, read-only. */
export interface SessionReader {
  agent: string;
  /**
   * The folder this reader reads, after HANDOFF_<AGENT>_DIR and the agent's own variables. When
   * it is absolute, `find` looks at nothing outside it: a missing folder means no session
   * (`hasAgentSession` answers from one stat). A relative one is in the repository.
   */
  storeDir(where: SessionEnvironment): string;
  /** The newest session whose working directory is `root` or inside it. */
  find(root: string, where: SessionEnvironment): Promise<SessionLookup>;
  read(found: FoundSession, root: string, where: SessionEnvironment): Promise<SessionReading>;
}
