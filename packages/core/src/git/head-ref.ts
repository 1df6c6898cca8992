import { readFileSync } from "node:fs";
import path from "node:path";

/** The branch HEAD points at, read from the git directory; "" when HEAD is detached. */
export function readHeadRef(gitDir: string): string {
  try {
    const content = readFileSync(path.join(gitDir, "HEAD"), "utf8").trim();
    return content.startsWith("ref: refs/heads/") ? content.slice("ref: refs/heads/".length) : "";
  } catch {
    return "";
  }
}
