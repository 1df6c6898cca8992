import { lstatSync } from "node:fs";

/** Whether anything (a file, a folder, a dangling link) is at `at`, without following a link. */
export function pathExists(at: string): boolean {
  try {
    lstatSync(at);
    return true;
  } catch {
    return false;
  }
}
