import { existsSync } from "node:fs";
import path from "node:path";

export const PACKAGE_MANAGERS = ["pnpm", "yarn", "bun", "npm"] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

const LOCKFILES: readonly (readonly [string, PackageManager])[] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/** The repository's package manager: package.json's `packageManager` field, else its lockfile, else npm. */
export function detectPackageManager(root: string, declared?: string): PackageManager {
  const name = declared?.split("@")[0];
  if (name && (PACKAGE_MANAGERS as readonly string[]).includes(name)) return name as PackageManager;
  for (const [lockfile, manager] of LOCKFILES) if (existsSync(path.join(root, lockfile))) return manager;
  return "npm";
}
