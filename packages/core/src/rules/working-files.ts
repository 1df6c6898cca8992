import { lstatSync } from "node:fs";
import path from "node:path";
import type { SkippedFile, SourceFile } from "./check-files.js";
import { gitOutput, splitNul } from "../git/run-git.js";
import { readBlobFiles, REGULAR_FILE_MODES, type BlobEntry } from "./read-blobs.js";
import { readBoundedFile } from "../util/read-bounded.js";

export interface WorkingFilesOptions {
  /** Only paths this accepts are read (the paths some rule looks at). */
  wanted: (path: string) => boolean;
  maxBytes: number;
  /** False in a repository with no commits yet: then everything in the index is staged. */
  hasHead: boolean;
}

export interface FileBatch {
  files: SourceFile[];
  skipped: SkippedFile[];
}

interface IndexEntry {
  mode: string;
  id: string;
  stage: string;
  path: string;
}

/** Files read from disk are handed on in batches of about this many bytes. */
const DISK_BATCH_BYTES = 8 * 1024 * 1024;

/** `git ls-files -s -z`: `<mode> <id> <stage>\t<path>` for every index entry. */
async function indexEntries(root: string): Promise<IndexEntry[]> {
  return splitNul(await gitOutput(root, ["ls-files", "-s", "-z"])).flatMap((entry) => {
    const tab = entry.indexOf("\t");
    const [mode, id, stage] = entry.slice(0, tab).split(" ");
    return mode && id && stage && tab !== -1 ? [{ mode, id, stage, path: entry.slice(tab + 1) }] : [];
  });
}

/** Paths whose index version differs from HEAD: `git diff --cached --name-only -z`. */
async function stagedPaths(root: string): Promise<Set<string>> {
  return new Set(splitNul(await gitOutput(root, ["diff", "--cached", "--name-only", "--no-renames", "-z"])));
}

function readFromDisk(root: string, file: string, maxBytes: number): SourceFile | SkippedFile | undefined {
  const full = path.join(root, ...file.split("/"));
  try {
    const stat = lstatSync(full);
    if (!stat.isFile()) return undefined;
    if (stat.size > maxBytes) return { path: file, reason: "too-large", size: stat.size };
    const content = readBoundedFile(full, { maxBytes });
    return content && { path: file, content };
  } catch {
    return undefined; // Deleted in the work tree and not staged: there is nothing to check.
  }
}

/**
 * The tracked and staged files, as `handoff validate` checks them: a staged file as it is in the
 * index (what would be committed), any other tracked file as it is on disk. Untracked files are
 * left out until they are added.
 */
export async function* workingFiles(root: string, options: WorkingFilesOptions): AsyncGenerator<FileBatch> {
  const entries = await indexEntries(root);
  const staged = options.hasHead ? await stagedPaths(root) : undefined;
  const fromIndex: BlobEntry[] = [];
  const fromDisk: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.path) || !options.wanted(entry.path)) continue;
    seen.add(entry.path);
    // Symlinks and submodules are not source text; a conflicted file is checked as it is on disk.
    if (entry.stage !== "0") fromDisk.push(entry.path);
    else if (!REGULAR_FILE_MODES.has(entry.mode)) continue;
    else if (!staged || staged.has(entry.path)) fromIndex.push({ path: entry.path, id: entry.id });
    else fromDisk.push(entry.path);
  }
  let batch: FileBatch = { files: [], skipped: [] };
  let batchBytes = 0;
  for (const file of fromDisk) {
    const read = readFromDisk(root, file, options.maxBytes);
    if (read && "content" in read) {
      batch.files.push(read);
      batchBytes += read.content.length;
    } else if (read) batch.skipped.push(read);
    if (batchBytes >= DISK_BATCH_BYTES) {
      yield batch;
      batch = { files: [], skipped: [] };
      batchBytes = 0;
    }
  }
  yield batch;
  yield* readBlobFiles(root, fromIndex, { maxBytes: options.maxBytes });
}
