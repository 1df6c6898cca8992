import { lstatSync } from "node:fs";

/** lstat, or undefined when nothing is there (a dangling symlink counts as something). */
export function lstatOrUndefined(at: string) {
  try {
    return lstatSync(at);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** A folder that is not a symlink: handoff never writes through one, nor takes one as a sign of use. */
export function isRealFolder(at: string): boolean {
  try {
    return lstatSync(at).isDirectory();
  } catch {
    return false;
  }
}
