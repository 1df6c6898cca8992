import { rmdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { handoffFolder } from "./git-folder.js";
import type { HookChange } from "./hook-change.js";
import { locateHooks, type HookLocations } from "./hook-locations.js";
import { HOOK_NAMES } from "./hook-names.js";
import { uninstallHuskyHook } from "./husky-hooks.js";
import { uninstallPlainHook } from "./plain-hooks.js";

export interface UninstallResult {
  locations: HookLocations;
  changes: HookChange[];
  runnerRemoved: boolean;
}

function removeRunner(locations: HookLocations): boolean {
  try {
    unlinkSync(locations.runner);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  try {
    rmdirSync(handoffFolder(locations.commonDir));
  } catch {
    // the hook log or the refresh queue is still in it
  }
  return true;
}

/**
 * Removes every handoff hook from the repository around `cwd` and puts back what was there, byte
 * for byte: husky blocks, stubs in the current hooks folder and in `.git/hooks` (in case
 * core.hooksPath changed since the install), and the runner.
 */
export async function uninstallHooks(cwd: string): Promise<UninstallResult> {
  const locations = await locateHooks(cwd);
  const plainFolders = [...new Set([locations.hooksDir, path.join(locations.commonDir, "hooks")])];
  const changes: HookChange[] = [];
  for (const hook of HOOK_NAMES) {
    if (locations.huskyDir) {
      const change = uninstallHuskyHook(locations.huskyDir, hook);
      if (change) changes.push(change);
    }
    for (const folder of plainFolders) {
      const change = uninstallPlainHook(folder, hook);
      if (change) changes.push(change);
    }
  }
  return { locations, changes, runnerRemoved: removeRunner(locations) };
}
