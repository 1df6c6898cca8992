import path from "node:path";
import type { RepoPaths } from "./repo.js";
import { readBoundedFile } from "../util/read-bounded.js";

/** Past this, the index is for git to read (it streams it): about 700,000 files. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;
/** ctime, mtime (seconds and nanoseconds), dev, ino, mode, uid, gid, size: ten 32-bit fields. */
const STAT_BYTES = 40;
const EXTENDED_FLAG = 0x4000;
const NAME_LENGTH_MASK = 0xfff;
const TYPE_MASK = 0o170000;
const DIRECTORY = 0o040000;
const SLASH = 0x2f;

/**
 * What `git ls-files -z --cached -- <file>` prints (the index entries at `file` or under `file/`),
 * read from this work tree's `index` without starting git: save checks its target with it, and
 * a git process costs save more than reading the index does. It answers only for the layouts it
 * fully understands (index versions 2 to 4, a whole index, SHA-1 or SHA-256 by HEAD's length) and
 * returns undefined for anything else (a split or sparse index, an unborn HEAD, a file over the
 * cap or not as described), where git answers. Format: git's Documentation/gitformat-index.txt.
 */
export function indexPathsAt(repo: RepoPaths, file: string): string[] | undefined {
  const hashBytes = repo.head?.length === 40 ? 20 : repo.head?.length === 64 ? 32 : undefined;
  if (hashBytes === undefined) return undefined;
  let index: Buffer | undefined;
  try {
    index = readBoundedFile(path.join(repo.gitDir, "index"), { maxBytes: MAX_INDEX_BYTES });
  } catch {
    return undefined;
  }
  // No index file: git reads an empty index (nothing staged, nothing tracked).
  if (index === undefined) return [];
  return matchingEntries(index, hashBytes, Buffer.from(file, "utf8"));
}

function matchingEntries(index: Buffer, hashBytes: number, target: Buffer): string[] | undefined {
  if (index.length < 12 || index.toString("latin1", 0, 4) !== "DIRC") return undefined;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = index.readUInt32BE(8);
  const found: string[] = [];
  let offset = 12;
  let previous = Buffer.alloc(0); // version 4 stores each path as a change of the one before
  for (let entry = 0; entry < count; entry++) {
    const flagsAt = offset + STAT_BYTES + hashBytes;
    if (flagsAt + 2 > index.length) return undefined;
    // A directory entry belongs to a sparse index: the paths under it are for git to expand.
    if ((index.readUInt32BE(offset + 24) & TYPE_MASK) === DIRECTORY) return undefined;
    const flags = index.readUInt16BE(flagsAt);
    let nameAt = flagsAt + 2;
    if (flags & EXTENDED_FLAG) {
      if (version < 3) return undefined;
      nameAt += 2;
    }
    let name: Buffer;
    if (version === 4) {
      const strip = readVarint(index, nameAt);
      if (!strip || strip.value > previous.length) return undefined;
      const end = index.indexOf(0, strip.next);
      if (end < 0) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - strip.value), index.subarray(strip.next, end)]);
      previous = name;
      offset = end + 1;
    } else {
      const end = index.indexOf(0, nameAt);
      if (end < 0) return undefined;
      name = index.subarray(nameAt, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      offset += (nameAt - offset + name.length + 8) & ~7;
    }
    if ((flags & NAME_LENGTH_MASK) !== Math.min(name.length, NAME_LENGTH_MASK)) return undefined;
    if (isAtOrUnder(name, target)) found.push(name.toString("utf8"));
  }
  return onlyPlainExtensions(index, offset, hashBytes) ? found : undefined;
}

function isAtOrUnder(name: Buffer, target: Buffer): boolean {
  if (name.length < target.length || name.compare(target, 0, target.length, 0, target.length) !== 0) return false;
  return name.length === target.length || name[target.length] === SLASH;
}

/** git's offset varint (varint.c): 7 bits a byte, most significant first, with a +1 bias per continuation. */
function readVarint(buffer: Buffer, at: number): { value: number; next: number } | undefined {
  let byte = buffer[at++];
  if (byte === undefined) return undefined;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = buffer[at++];
    if (byte === undefined || value > 0xffff) return undefined;
    value = ((value + 1) << 7) + (byte & 0x7f);
  }
  return { value, next: at };
}

/**
 * Whether the extensions after the entries end where the trailing checksum starts, and none says
 * that entries live elsewhere: `link` (a split index, most entries in a shared index file) or
 * `sdir` (a sparse index).
 */
function onlyPlainExtensions(index: Buffer, offset: number, hashBytes: number): boolean {
  const end = index.length - hashBytes;
  while (offset + 8 <= end) {
    const signature = index.toString("latin1", offset, offset + 4);
    if (signature === "link" || signature === "sdir") return false;
    offset += 8 + index.readUInt32BE(offset + 4);
  }
  return offset === end;
}
