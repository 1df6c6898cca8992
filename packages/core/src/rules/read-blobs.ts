import type { SkippedFile, SourceFile } from "./check-files.js";
import { gitOutput } from "../git/run-git.js";

/** A file in git's object store: its path and the id of its blob. */
export interface BlobEntry {
  path: string;
  id: string;
}

export interface BlobBatch {
  files: SourceFile[];
  skipped: SkippedFile[];
}

export interface ReadBlobsOptions {
  /** Blobs over this size are reported as skipped and never read. */
  maxBytes: number;
  env?: NodeJS.ProcessEnv;
  /** How many bytes one `git cat-file --batch` may return at a time: memory stays bounded. */
  batchBytes?: number;
}

const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

/** The tree and index modes of regular files: symlinks (120000) and submodules (160000) are not source text. */
export const REGULAR_FILE_MODES: ReadonlySet<string> = new Set(["100644", "100755"]);

/** `git cat-file --batch-check`: the size of each blob, without reading it. */
async function blobSizes(cwd: string, ids: string[], env: NodeJS.ProcessEnv | undefined): Promise<Map<string, number>> {
  const output = await gitOutput(cwd, ["cat-file", "--batch-check"], { input: ids.map((id) => `${id}\n`).join(""), env });
  const sizes = new Map<string, number>();
  for (const line of output.toString("utf8").split("\n")) {
    const [id, type, size] = line.split(" ");
    if (id && type === "blob" && size !== undefined) sizes.set(id, Number(size));
  }
  return sizes;
}

/** Parses `git cat-file --batch` output: `<id> <type> <size>\n<content>\n`, one after the other. */
function parseBatch(output: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let position = 0;
  while (position < output.length) {
    const end = output.indexOf(0x0a, position);
    if (end === -1) break;
    const [id, type, size] = output.subarray(position, end).toString("utf8").split(" ");
    position = end + 1;
    if (size === undefined || !id) continue; // `<id> missing`
    const length = Number(size);
    if (type === "blob") blobs.set(id, output.subarray(position, position + length));
    position += length + 1;
  }
  return blobs;
}

/** Groups ids so that each group's blobs add up to at most `limit` bytes (a bigger blob goes alone). */
function chunkBySize(ids: string[], sizes: Map<string, number>, limit: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let total = 0;
  for (const id of ids) {
    const size = sizes.get(id) ?? 0;
    if (current.length && total + size > limit) {
      chunks.push(current);
      current = [];
      total = 0;
    }
    current.push(id);
    total += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * Reads blobs with two git processes per batch at most: sizes first (too large ones are skipped
 * unread), then contents. Yields batches so that a large push never sits in memory whole.
 */
export async function* readBlobFiles(cwd: string, entries: readonly BlobEntry[], options: ReadBlobsOptions): AsyncGenerator<BlobBatch> {
  if (entries.length === 0) return;
  const ids = [...new Set(entries.map((entry) => entry.id))];
  const sizes = await blobSizes(cwd, ids, options.env);
  const tooLarge: SkippedFile[] = entries
    .filter((entry) => (sizes.get(entry.id) ?? 0) > options.maxBytes)
    .map((entry) => ({ path: entry.path, reason: "too-large", size: sizes.get(entry.id) }));
  if (tooLarge.length) yield { files: [], skipped: tooLarge };
  const readable = ids.filter((id) => sizes.has(id) && sizes.get(id)! <= options.maxBytes);
  const pathsOf = new Map<string, string[]>();
  for (const entry of entries) {
    const paths = pathsOf.get(entry.id);
    if (paths) paths.push(entry.path);
    else pathsOf.set(entry.id, [entry.path]);
  }
  for (const chunk of chunkBySize(readable, sizes, options.batchBytes ?? DEFAULT_BATCH_BYTES)) {
    const output = await gitOutput(cwd, ["cat-file", "--batch"], { input: chunk.map((id) => `${id}\n`).join(""), env: options.env });
    const blobs = parseBatch(output);
    const files: SourceFile[] = [];
    for (const id of chunk) {
      const content = blobs.get(id);
      if (content) for (const path of pathsOf.get(id) ?? []) files.push({ path, content });
    }
    yield { files, skipped: [] };
  }
}
