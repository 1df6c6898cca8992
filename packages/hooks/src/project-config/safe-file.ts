import { mkdirSync, readFileSync, rmdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { HandoffError, writeFileAtomic } from "@handoff/core/internal";
import { lstatOrUndefined } from "../fs-checks.js";
import { unreadableConfig } from "./json-text.js";
import {
  FILE_IN_PLACE_OF_FOLDER_HINT,
  fileInPlaceOfFolder,
  largerThan,
  MOVE_IT_AWAY,
  NOT_A_REGULAR_FILE,
  NOT_UTF8,
  NOT_UTF8_HINT,
  SYMBOLIC_LINK_HINT,
  symbolicLink,
  TOO_LARGE_HINT,
} from "../messages.js";

/** Larger project configuration files are not read: they are not what an agent writes. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

function symlinkError(at: string): HandoffError {
  return new HandoffError("E_SYMLINK", symbolicLink(at), {
    file: at,
    hint: SYMBOLIC_LINK_HINT,
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
      throw new HandoffError("E_NOT_A_FOLDER", fileInPlaceOfFolder(at), {
        file: at,
        hint: FILE_IN_PLACE_OF_FOLDER_HINT,
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
  if (!stat.isFile()) throw unreadableConfig(file, NOT_A_REGULAR_FILE, MOVE_IT_AWAY);
  if (stat.size > MAX_CONFIG_FILE_BYTES) {
    throw unreadableConfig(file, largerThan(MAX_CONFIG_FILE_BYTES / 1024), TOO_LARGE_HINT);
  }
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw unreadableConfig(file, NOT_UTF8, NOT_UTF8_HINT);
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
