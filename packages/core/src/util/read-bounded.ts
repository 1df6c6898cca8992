import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { HandoffError, type HandoffErrorCode } from "../errors.js";
import { fileOverLimit, fileTooLargeHint, NOT_A_REGULAR_FILE, notRegularFile, notRegularFileHint } from "../messages.js";

/**
 * The one way handoff reads a file that a repository or a work tree may hold: a checked-out branch
 * can make any of them a symlink to `/dev/zero`, a FIFO or a huge file. Only a regular file (a
 * symlink is followed, but must lead to one) of at most `maxBytes` is read; anything else is a
 * HandoffError naming the file, never a hang or an unbounded allocation.
 */
export interface BoundedReadOptions {
  maxBytes: number;
  /** The code of the errors thrown; the callers whose tools branch on a code pass their own. */
  code?: HandoffErrorCode;
  /** What the file is to handoff, for the hint: "handoff's configuration". */
  what?: string;
  /** The error for a file over `maxBytes`, when the caller has its own (a state file's limit). */
  tooLarge?: (file: string, size: number) => HandoffError;
}

/** 1 MiB: far more than any configuration, ignore file or manifest handoff reads. */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return NOT_A_REGULAR_FILE;
}

function notRegular(file: string, stat: Stats, options: BoundedReadOptions): HandoffError {
  const kind = kindOf(stat);
  return new HandoffError(
    options.code ?? "E_NOT_A_REGULAR_FILE",
    notRegularFile(file, kind),
    { file, hint: notRegularFileHint(options.what) },
  );
}

function fileTooLarge(file: string, size: number, options: BoundedReadOptions): HandoffError {
  if (options.tooLarge) return options.tooLarge(file, size);
  const shown = size > options.maxBytes ? `${size} bytes` : `over ${options.maxBytes} bytes`;
  return new HandoffError(options.code ?? "E_FILE_TOO_LARGE", fileOverLimit(file, shown, options.maxBytes), {
    file,
    hint: fileTooLargeHint(options.what),
  });
}

/**
 * The bytes of `file`, or undefined when there is no such file (or a file sits where a folder of
 * its path should be). Throws when it is not a regular file or is larger than `maxBytes`.
 */
export function readBoundedFile(file: string, options: BoundedReadOptions): Buffer | undefined {
  let stat: Stats | undefined;
  try {
    // Looked at before it is opened: opening a FIFO or a device can block or have effects.
    // (No error object for a missing file: most of the files handoff looks for are absent.)
    stat = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
  if (stat === undefined) return undefined;
  if (!stat.isFile()) throw notRegular(file, stat, options);
  if (stat.size > options.maxBytes) throw fileTooLarge(file, stat.size, options);
  // O_NONBLOCK: should the path have been swapped for a FIFO since, opening it does not wait.
  const descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) throw notRegular(file, opened, options);
    return readUpTo(descriptor, file, options);
  } finally {
    closeSync(descriptor);
  }
}

/** Reads to the end, but never more than `maxBytes` (a file can grow while it is read). */
function readUpTo(descriptor: number, file: string, options: BoundedReadOptions): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, options.maxBytes + 1 - total));
    const read = readSync(descriptor, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > options.maxBytes) throw fileTooLarge(file, total, options);
  }
  return Buffer.concat(chunks, total);
}

/** `readBoundedFile` as UTF-8 text. */
export function readBoundedText(file: string, options: BoundedReadOptions): string | undefined {
  return readBoundedFile(file, options)?.toString("utf8");
}

/** The text of `file`, or undefined when it is missing or cannot be read safely: for optional files. */
export function readBoundedTextOrUndefined(file: string, maxBytes = MAX_SMALL_FILE_BYTES): string | undefined {
  try {
    return readBoundedText(file, { maxBytes });
  } catch {
    return undefined;
  }
}
