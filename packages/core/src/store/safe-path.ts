import { lstatSync, mkdirSync } from "node:fs";
import path from "node:path";
import { HandoffError } from "../errors.js";

function symlinkError(at: string): HandoffError {
  return new HandoffError("E_SYMLINK", `${at} is a symbolic link; handoff never writes through one`, {
    file: at,
    hint: `replace the link with a real file or folder (or remove it) and run the command again`,
  });
}

function isSymlink(at: string): boolean {
  try {
    return lstatSync(at).isSymbolicLink();
  } catch {
    return false;
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
    if (isSymlink(at)) throw symlinkError(at);
    mkdirSync(at, { recursive: true });
  }
  const file = path.join(at, parts.at(-1)!);
  if (isSymlink(file)) throw symlinkError(file);
  return file;
}
