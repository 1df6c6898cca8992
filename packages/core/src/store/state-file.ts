import { lstatSync, readFileSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import type { AgentInfo } from "../agents/registry.js";
import { HandoffError, isHandoffError } from "../errors.js";
import type { SessionState } from "../schema/session-state.js";
import { MAX_STATE_BYTES, parseState, type ParsedState } from "../serialize/parse.js";
import { stringifyState } from "../serialize/stringify.js";
import { writeFileAtomic } from "./atomic-write.js";
import { withFileLock } from "./lock.js";
import { preparePathForWrite } from "./safe-path.js";

export function statePath(root: string, agent: Pick<AgentInfo, "file">): string {
  return path.join(root, ...agent.file.split("/"));
}

/** Reads and parses a state file; undefined when there is none. Bad content throws a HandoffError. */
export function readStateFile(file: string): ParsedState | undefined {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new HandoffError("E_STATE_INVALID_JSON", `${file} is not a regular file`, {
        file,
        hint: "move it away; handoff keeps its state in a plain JSON file",
      });
    }
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file sits where a folder of the path should be, so there is no state either.
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "ELOOP") {
      throw new HandoffError("E_SYMLINK", `${file} is a symbolic link that loops`, {
        file,
        hint: "remove the link and run `handoff save <agent>`",
        cause: error,
      });
    }
    throw error;
  }
  if (size > MAX_STATE_BYTES) {
    throw new HandoffError("E_STATE_TOO_LARGE", `${file} is ${size} bytes, over the ${MAX_STATE_BYTES}-byte limit`, {
      file,
      hint: "a session state is a few kilobytes; move the file away and run `handoff save <agent>`",
    });
  }
  return parseState(readFileSync(file, "utf8"), file);
}

function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

function pathExists(at: string): boolean {
  try {
    lstatSync(at);
    return true;
  } catch {
    return false;
  }
}

/** Moves a state file aside (`<file>.<label>-<time>`), so its bytes are never lost; returns the new path. */
export function backupStateFile(file: string, label: "corrupt" | "replaced", now = new Date()): string {
  const base = `${file}.${label}-${compactTimestamp(now)}`;
  let backup = base;
  // Two backups in the same second must not overwrite one another.
  for (let n = 2; pathExists(backup); n++) backup = `${base}-${n}`;
  renameSync(file, backup);
  return backup;
}

const UNREADABLE_CODES = ["E_STATE_INVALID_JSON", "E_STATE_SCHEMA", "E_STATE_TOO_LARGE"] as const;

export interface WriteStateResult {
  file: string;
  state: SessionState;
  /** Where a corrupt previous file was moved, when there was one. */
  backup?: string;
  /** Repairs made to the previous file while reading it. */
  repairs: string[];
}

export interface UpdateStateOptions {
  root: string;
  agent: Pick<AgentInfo, "file">;
  /** Computes the new state from the previous one (undefined when there is none or it was corrupt). */
  update: (previous: SessionState | undefined) => SessionState | Promise<SessionState>;
}

/**
 * Read, update and write one state file under its lock. A previous file that cannot be read
 * is moved to a `.corrupt-<time>` backup first; the write itself is atomic.
 */
export async function updateStateFile(options: UpdateStateOptions): Promise<WriteStateResult> {
  const file = preparePathForWrite(options.root, options.agent.file);
  return withFileLock(file, async () => {
    let previous: ParsedState | undefined;
    let backup: string | undefined;
    try {
      previous = readStateFile(file);
    } catch (error) {
      if (!isHandoffError(error) || !(UNREADABLE_CODES as readonly string[]).includes(error.code)) throw error;
      backup = backupStateFile(file, "corrupt");
    }
    const state = await options.update(previous?.state);
    writeFileAtomic(file, stringifyState(state));
    return { file, state, backup, repairs: previous?.repairs ?? [] };
  });
}

/** Writes a state file only if it exists and reads cleanly (what a git hook may do). */
export async function refreshExistingStateFile(
  root: string,
  agent: Pick<AgentInfo, "file">,
  refresh: (state: SessionState) => SessionState,
): Promise<SessionState | undefined> {
  const file = statePath(root, agent);
  if (!readStateFile(file)) return undefined;
  const safeFile = preparePathForWrite(root, agent.file);
  return withFileLock(safeFile, () => {
    const current = readStateFile(safeFile);
    if (!current) return undefined;
    const state = refresh(current.state);
    writeFileAtomic(safeFile, stringifyState(state));
    return state;
  });
}
