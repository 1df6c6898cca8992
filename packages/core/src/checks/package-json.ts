import path from "node:path";
import { MAX_SMALL_FILE_BYTES, readBoundedText } from "../util/read-bounded.js";

export interface PackageJsonInfo {
  scripts: Record<string, string>;
  packageManager?: string;
}

export type PackageJsonRead = { found: true; info: PackageJsonInfo } | { found: false; problem?: string };

/** The repository root's package.json, as far as checks need it; never throws. */
export function readPackageJson(root: string): PackageJsonRead {
  const file = path.join(root, "package.json");
  let text: string | undefined;
  try {
    text = readBoundedText(file, { maxBytes: MAX_SMALL_FILE_BYTES, what: "the package manifest" });
  } catch (error) {
    return { found: false, problem: `package.json cannot be read: ${(error as Error).message}` };
  }
  if (text === undefined) return { found: false };
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
