import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** The absolute path of `name` on PATH (with PATHEXT on Windows), or undefined. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const extensions = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const folder of (env.PATH ?? "").split(path.delimiter)) {
    if (!folder) continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension);
      try {
        accessSync(candidate, constants.X_OK);
        // A folder passes the X_OK check too (its search permission).
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
