import { rmdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { fastPathPath, handoffFolder, installStampPath } from "./git-folder.js";
import type { HookChange } from "./hook-change.js";
import { huskyOutsideRepo, locateHooks, sharedHooksFolder, type HookLocations } from "./hook-locations.js";
import { HOOK_NAMES } from "./hook-names.js";
import { uninstallHuskyHook } from "./husky-hooks.js";
import { isStubIn, uninstallPlainHook } from "./plain-hooks.js";
import { SHARED_FOLDER_STUB } from "./messages.js";

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
  const folder = handoffFolder(locations.commonDir);
  const queueNotes = ["refresh.again", "refresh.mark"].map((name) => path.join(folder, name));
  for (const file of [installStampPath(locations.commonDir), fastPathPath(locations.commonDir), ...queueNotes]) {
    try {
      unlinkSync(file);
    } catch {
      // an install of an older handoff wrote none, or no storm left its notes
    }
  }
  try {
    rmdirSync(handoffFolder(locations.commonDir));
  } catch {
    // the hook log or the refresh queue is still in it
  }
  return true;
}

const SHARED_DETAIL = SHARED_FOLDER_STUB;

/**
 * Removes every handoff hook from the repository around `cwd` and puts back what was there, byte
 * for byte: husky blocks, stubs in the current hooks folder and in `.git/hooks` (in case
 * core.hooksPath changed since the install), and the runner. Two things stay: the stubs in a
 * hooks folder outside the repository (a global core.hooksPath, which other repositories use
 * too), and anything behind a `.husky` that leads outside the repository.
 */
export async function uninstallHooks(cwd: string): Promise<UninstallResult> {
  const locations = await locateHooks(cwd);
  const shared = sharedHooksFolder(locations) ? locations.hooksDir : undefined;
  const plainFolders = [...new Set([locations.hooksDir, path.join(locations.commonDir, "hooks")])];
  const changes: HookChange[] = [];
  for (const hook of HOOK_NAMES) {
    if (locations.huskyDir && !huskyOutsideRepo(locations)) {
      const change = uninstallHuskyHook(locations.huskyDir, hook);
      if (change) changes.push(change);
    }
    for (const folder of plainFolders) {
      if (folder === shared) {
        if (isStubIn(folder, hook)) changes.push({ hook, file: path.join(folder, hook), action: "skipped", detail: SHARED_DETAIL });
        continue;
      }
      const change = uninstallPlainHook(folder, hook);
      if (change) changes.push(change);
    }
  }
  return { locations, changes, runnerRemoved: removeRunner(locations) };
}
