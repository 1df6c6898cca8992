import { readdirSync } from "node:fs";
import path from "node:path";
import type { RepoPaths } from "./repo.js";
import { readBoundedFile } from "../util/read-bounded.js";

/** Past this, git reads the index (about 700,000 files). */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/**
 * True when this work tree's index certainly holds no entry at `file` or under `file/` (what
 * `git ls-files --cached -- <file>` would print as nothing), decided without starting git: save
 * checks its target on every run, and a git process costs save more than this search does.
 *
 * Index versions 2 and 3 store every entry's whole path, so a path that is tracked, or a folder
 * holding tracked files, shows as its own bytes somewhere in the file; a sparse index would hold
 * a folder above it as `<folder>/` and a NUL. One native search for each is far cheaper than
 * reading the entries one by one. Anything else answers false and leaves it to git: the path's
 * bytes found anywhere (tracked, or merely part of another path), index version 4 (paths stored
 * as changes of the one before), a split index (entries in a `sharedindex.*` file), an index
 * over the cap or not of this format. Format: git's Documentation/gitformat-index.txt.
 */
export function indexHoldsNothingAt(repo: RepoPaths, file: string): boolean {
  let index: Buffer | undefined;
  try {
    index = readBoundedFile(path.join(repo.gitDir, "index"), { maxBytes: MAX_INDEX_BYTES });
    // No index file: git reads an empty index. A split index keeps its entries beside it.
    if (index === undefined || readdirSync(repo.gitDir).some((name) => name.startsWith("sharedindex."))) return false;
  } catch {
    return false;
  }
  if (index.length < 12 || index.toString("latin1", 0, 4) !== "DIRC") return false;
  const version = index.readUInt32BE(4);
  if (version !== 2 && version !== 3) return false;
  if (index.includes(file, 12, "utf8")) return false;
  const parts = file.split("/");
  for (let depth = 1; depth < parts.length; depth++) {
    if (index.includes(`${parts.slice(0, depth).join("/")}/\0`, 12, "utf8")) return false;
  }
  return true;
}
