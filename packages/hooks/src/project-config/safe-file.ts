import { lstatSync, mkdirSync, readFileSync, rmdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { HandoffError, writeFileAtomic } from "@handoff/core/internal";
import { unreadableConfig } from "./json-text.js";

/** Larger project configuration files are not read: they are not what an agent writes. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

function lstatOrUndefined(at: string) {
  try {
    return lstatSync(at);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function symlinkError(at: string): HandoffError {
  return new HandoffError("E_SYMLINK", `${at} is a symbolic link; handoff never writes through one`, {
    file: at,
    hint: "replace the link with a real file or folder (or remove it) and run the command again",
  });
}

/** The folders between `root` and `relative`'s file that do not exist yet, outermost first. */
function checkFolders(root: string, relative: string): string[] {
  const missing: string[] = [];
  let at = root;
  for (const part of relative.split("/").slice(0, -1)) {
    at = path.join(at, part);
    const stat = lstatOrUndefined(at);
    if (!stat) missing.push(path.relative(root, at).split(path.sep).join("/"));
    else if (stat.isSymbolicLink()) throw symlinkError(at);
    else if (!stat.isDirectory()) {
      throw new HandoffError("E_NOT_A_FOLDER", `${at} is a file, but handoff's configuration goes inside a folder of that name`, {
        file: at,
        hint: "rename or move that file away and run the command again",
      });
    }
  }
  return missing;
}

/**
 * The text of `relative` under `root`, or undefined when it does not exist. Symlinks (the file
 * or a folder on the way), non-files, oversized and non-UTF-8 files are errors naming the file.
 */
export function readConfigText(root: string, relative: string): string | undefined {
  checkFolders(root, relative);
  const file = path.join(root, relative);
  const stat = lstatOrUndefined(file);
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) throw symlinkError(file);
  if (!stat.isFile()) throw unreadableConfig(file, "is not a regular file", "move it away, then run the command again");
  if (stat.size > MAX_CONFIG_FILE_BYTES) {
    throw unreadableConfig(file, `is larger than ${MAX_CONFIG_FILE_BYTES / 1024} KiB`, "a configuration file this large is not one handoff should edit; shrink or move it");
  }
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw unreadableConfig(file, "is not UTF-8 text", "save it as UTF-8, then run the command again");
  }
}

/** Writes `text` to `relative`, creating folders on the way; returns the folders it created. */
export function writeConfigText(root: string, relative: string, text: string): string[] {
  const missing = checkFolders(root, relative);
  for (const folder of missing) mkdirSync(path.join(root, folder));
  writeFileAtomic(path.join(root, relative), text);
  return missing;
}

/** Deletes `relative`, then each of `folders` (deepest first) that is left empty. */
export function deleteConfigFile(root: string, relative: string, folders: readonly string[]): void {
  checkFolders(root, relative);
  try {
    unlinkSync(path.join(root, relative));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  for (const folder of [...folders].reverse()) {
    try {
      rmdirSync(path.join(root, folder));
    } catch {
      // not empty: something else lives there now
    }
  }
}
