import { statSync } from "node:fs";
import path from "node:path";

/** A cheap token that changes whenever git rewrites the index (stage, commit, checkout). */
export function indexFingerprint(gitDir: string): string {
  try {
    const stat = statSync(path.join(gitDir, "index"), { bigint: true });
    return `${stat.size}:${stat.mtimeNs}`;
  } catch {
    return "none";
  }
}
