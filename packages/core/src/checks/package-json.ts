import { readFileSync } from "node:fs";
import path from "node:path";

export interface PackageJsonInfo {
  scripts: Record<string, string>;
  packageManager?: string;
}

export type PackageJsonRead = { found: true; info: PackageJsonInfo } | { found: false; problem?: string };

/** The repository root's package.json, as far as checks need it; never throws. */
export function readPackageJson(root: string): PackageJsonRead {
  const file = path.join(root, "package.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { found: false };
    return { found: false, problem: `package.json cannot be read: ${(error as Error).message}` };
  }
  try {
    const raw = JSON.parse(text.replace(/^\uFEFF/, "")) as { scripts?: unknown; packageManager?: unknown };
    const scripts: Record<string, string> = {};
    if (raw.scripts && typeof raw.scripts === "object") {
      for (const [name, value] of Object.entries(raw.scripts)) if (typeof value === "string") scripts[name] = value;
    }
    return {
      found: true,
      info: { scripts, ...(typeof raw.packageManager === "string" ? { packageManager: raw.packageManager } : {}) },
    };
  } catch (error) {
    return { found: false, problem: `package.json is not valid JSON (${(error as Error).message})` };
  }
}
