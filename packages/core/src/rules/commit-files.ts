import { HandoffError } from "../errors.js";
import { gitOutput, splitNul } from "../git/run-git.js";
import { REGULAR_FILE_MODES, type BlobEntry } from "./read-blobs.js";
import { isObjectId } from "../util/object-id.js";
import { notObjectId } from "../messages.js";

export interface CommitFilesOptions {
  /** Only paths this accepts are listed. */
  wanted?: (path: string) => boolean;
  env?: NodeJS.ProcessEnv;
}

/** Only full object ids reach git as arguments: nothing that could be read as an option. */
export function assertObjectId(id: string): string {
  // Upper-case hex is accepted as before: git reads it too.
  if (!isObjectId(id.toLowerCase())) throw new HandoffError("E_UNSAFE_ARGUMENT", notObjectId(id));
  return id;
}

/** `git diff-tree -r -z`: `:<mode> <mode> <id> <id> <status>` then the path, each NUL-terminated. */
function parseDiffTree(output: Buffer): { mode: string; id: string; path: string }[] {
  const fields = splitNul(output);
  const entries: { mode: string; id: string; path: string }[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const [, mode, , id] = fields[index]!.slice(1).split(" ");
    if (mode && id) entries.push({ mode, id, path: fields[index + 1]! });
  }
  return entries;
}

/** `git ls-tree -r -z`: `<mode> <type> <id>\t<path>`. */
function parseLsTree(output: Buffer): { mode: string; id: string; path: string }[] {
  return splitNul(output).flatMap((entry) => {
    const tab = entry.indexOf("\t");
    const [mode, , id] = entry.slice(0, tab).split(" ");
    return mode && id && tab !== -1 ? [{ mode, id, path: entry.slice(tab + 1) }] : [];
  });
}

/**
 * The regular files at commit `tip` that differ from commit `base` (added or modified, never
 * deleted), or every file at `tip` when there is no base. Each comes with its blob id at `tip`.
 */
export async function changedFiles(root: string, base: string | undefined, tip: string, options: CommitFilesOptions = {}): Promise<BlobEntry[]> {
  const args =
    base === undefined
      ? ["ls-tree", "-r", "-z", assertObjectId(tip)]
      : ["diff-tree", "-r", "-z", "--no-renames", "--no-commit-id", "--diff-filter=d", assertObjectId(base), assertObjectId(tip)];
  const output = await gitOutput(root, args, { env: options.env });
  const entries = base === undefined ? parseLsTree(output) : parseDiffTree(output);
  const wanted = options.wanted ?? (() => true);
  return entries.filter((entry) => REGULAR_FILE_MODES.has(entry.mode) && wanted(entry.path)).map(({ path, id }) => ({ path, id }));
}
