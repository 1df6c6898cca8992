import { existsSync, renameSync } from "node:fs";
import { HandoffError, isHandoffError } from "../errors.js";
import { MAX_STATE_BYTES } from "../parse/limits.js";
import type { SessionState } from "../schema/session-state.js";
import type { ParsedState } from "../parse/parse.js";
import { stringifyState } from "../parse/stringify.js";
import { writeFileAtomic } from "./atomic-write.js";
import { withFileLock } from "./lock.js";
import { readStateFileQuickly } from "./quick-read.js";
import { preparePathForWrite } from "./safe-path.js";
import { statePath } from "./state-path.js";
import { assertStateTarget, type StateTarget } from "./state-target.js";
import { pathExists } from "../util/path-exists.js";
import { STATE_WOULD_BE_TOO_LARGE_HINT, stateWouldBeTooLarge } from "../messages.js";

/**
 * The previous state, read without zod when it is plainly valid (the common case); a missing
 * file is undefined, and anything else goes through the full parser, which reports or repairs it.
 */
async function readPrevious(file: string): Promise<ParsedState | undefined> {
  if (!existsSync(file)) return undefined;
  return readStateFileQuickly(file) ?? (await import("./read-state.js")).readStateFile(file);
}

export function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
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

/**
 * The state's text, refused when handoff could not read it back: the lists that grow with the
 * repository are capped when the state is built, so only what was given by hand can get here.
 */
function writableText(file: string, state: SessionState): string {
  const text = stringifyState(state);
  const size = Buffer.byteLength(text);
  if (size <= MAX_STATE_BYTES) return text;
  throw new HandoffError("E_STATE_TOO_LARGE", stateWouldBeTooLarge(file, size, MAX_STATE_BYTES), {
    file,
    hint: STATE_WOULD_BE_TOO_LARGE_HINT,
  });
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
  agent: StateTarget;
  /**
   * `assertStateTarget` already started by the caller, so that its git process runs alongside the
   * caller's own (save starts it with the git snapshot); started here when absent.
   */
  targetChecked?: Promise<void>;
  /** Computes the new state from the previous one (undefined when there is none or it was corrupt). */
  update: (previous: SessionState | undefined) => SessionState | Promise<SessionState>;
}

/**
 * Read, update and write one state file under its lock. A previous file that cannot be read
 * is moved to a `.corrupt-<time>` backup first; the write itself is atomic.
 */
export async function updateStateFile(options: UpdateStateOptions): Promise<WriteStateResult> {
  await (options.targetChecked ?? assertStateTarget(options.root, options.agent));
  const file = preparePathForWrite(options.root, options.agent.file);
  return withFileLock(file, async (lock) => {
    let previous: ParsedState | undefined;
    let backup: string | undefined;
    try {
      previous = await readPrevious(file);
    } catch (error) {
      if (!isHandoffError(error) || !(UNREADABLE_CODES as readonly string[]).includes(error.code)) throw error;
      backup = backupStateFile(file, "corrupt");
    }
    const state = await options.update(previous?.state);
    const text = writableText(file, state);
    // Rewriting turns bytes that are not UTF-8 into U+FFFD for good: the original is kept first.
    if (previous?.notUtf8) backupStateFile(file, "corrupt");
    writeFileAtomic(file, text, { beforeRename: lock.assertHeld });
    return { file, state, backup, repairs: previous?.repairs ?? [] };
  });
}

/**
 * Rewrites a state file only if it exists (what a git hook may do); undefined when there is none.
 * One that cannot be read is never moved aside here: the HandoffError is thrown instead.
 */
export async function refreshExistingStateFile(
  root: string,
  agent: StateTarget,
  refresh: (state: SessionState) => SessionState,
): Promise<SessionState | undefined> {
  if (!(await readPrevious(statePath(root, agent)))) return undefined;
  await assertStateTarget(root, agent);
  const safeFile = preparePathForWrite(root, agent.file);
  return withFileLock(safeFile, async (lock) => {
    const current = await readPrevious(safeFile);
    if (!current) return undefined;
    const state = refresh(current.state);
    const text = writableText(safeFile, state);
    // Rewriting turns bytes that are not UTF-8 into U+FFFD for good: the original is kept first.
    if (current.notUtf8) backupStateFile(safeFile, "corrupt");
    writeFileAtomic(safeFile, text, { beforeRename: lock.assertHeld });
    return state;
  });
}
