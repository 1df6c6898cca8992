import { lstatSync, mkdirSync } from "node:fs";
import path from "node:path";
import { HandoffError } from "../errors.js";
import { FILE_IN_PLACE_OF_FOLDER_HINT, fileInPlaceOfFolder, SYMBOLIC_LINK_HINT, symbolicLink } from "../messages.js";

function symlinkError(at: string): HandoffError {
  return new HandoffError("E_SYMLINK", symbolicLink(at), {
    file: at,
    hint: SYMBOLIC_LINK_HINT,
  });
}

function notAFolderError(at: string): HandoffError {
  return new HandoffError("E_NOT_A_FOLDER", fileInPlaceOfFolder(at), {
    file: at,
    hint: FILE_IN_PLACE_OF_FOLDER_HINT,
  });
}

function kindOf(at: string): "symlink" | "folder" | "other" | "missing" {
  try {
    const stat = lstatSync(at);
    return stat.isSymbolicLink() ? "symlink" : stat.isDirectory() ? "folder" : "other";
  } catch {
    return "missing";
  }
}

function makeFolder(at: string): void {
  try {
    mkdirSync(at);
  } catch (error) {
    // Another process made it (or something else) first: the caller looks at what is there.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/**
 * Makes sure every folder from `root` down to `file`, and `file` itself, is not a symlink,
 * creating missing folders; returns the absolute path to write.
 */
export function preparePathForWrite(root: string, relativeFile: string): string {
  const parts = relativeFile.split("/");
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at = path.join(at, part);
    if (kindOf(at) === "missing") makeFolder(at);
    const kind = kindOf(at);
    if (kind === "symlink") throw symlinkError(at);
    if (kind === "other") throw notAFolderError(at);
  }
  const file = path.join(at, parts.at(-1)!);
  if (kindOf(file) === "symlink") throw symlinkError(file);
  return file;
}
