import { lstatSync, statSync } from "node:fs";

/** Whether anything (a file, a folder, a dangling link) is at `at`, without following a link. */
export function pathExists(at: string): boolean {
  try {
    lstatSync(at);
    return true;
  } catch {
    return false;
  }
}

/** The modification time of the file at `file` in ms, or 0 when there is none (or it cannot be looked at). */
export function modifiedAt(file: string): number {
  try {
    return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  } catch {
    return 0;
  }
}
