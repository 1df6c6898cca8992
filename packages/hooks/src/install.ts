import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeHookFile } from "./file-write.js";
import { fastPathPath, installStampPath } from "./git-folder.js";
import { renderFastPath } from "./fast-path-script.js";
import type { HookChange } from "./hook-change.js";
import { huskyOutsideRepo, locateHooks, sharedHooksFolder, type HookLocations } from "./hook-locations.js";
import { HOOK_NAMES } from "./hook-names.js";
import { installHuskyHook } from "./husky-hooks.js";
import { installPlainHook } from "./plain-hooks.js";
import { guardsFor } from "./runner-guards.js";
import { renderRunner, type RunnerTarget } from "./runner-script.js";
import { FOLDER_OUTSIDE, huskyMissing, huskyOutside, sharedHooksPath } from "./messages.js";

export interface InstallOptions {
  cwd: string;
  /** The node binary and the bin (dist/cli.cjs) the hooks should run (those of the running `handoff`). */
  target: RunnerTarget;
}

export interface InstallResult {
  locations: HookLocations;
  mode: "husky" | "plain";
  runner: "created" | "updated" | "unchanged";
  changes: HookChange[];
  warnings: string[];
}

function writeRunner(file: string, content: string): InstallResult["runner"] {
  let before: string | undefined;
  try {
    before = readFileSync(file, "utf8");
  } catch {
    before = undefined;
  }
  if (before === content) return "unchanged";
  writeHookFile(file, content, 0o755);
  return before === undefined ? "created" : "updated";
}

function warningsFor(locations: HookLocations): string[] {
  const { hooksDir, huskyDir } = locations;
  if (huskyDir && huskyOutsideRepo(locations)) {
    return [huskyOutside(huskyDir)];
  }
  if (huskyDir) {
    const missing = HOOK_NAMES.filter((hook) => !existsSync(path.join(hooksDir, hook)));
    return missing.length
      ? [huskyMissing(missing, hooksDir)]
      : [];
  }
  if (sharedHooksFolder(locations)) {
    return [sharedHooksPath(hooksDir)];
  }
  return [];
}

/**
 * Installs the handoff hooks in the repository around `cwd`: into husky 9's `.husky/<hook>` files
 * when core.hooksPath is husky's, otherwise as stubs in git's hooks folder, chaining any hook
 * already there. Never sets core.hooksPath. Running it again changes nothing.
 */
export async function installHooks(options: InstallOptions): Promise<InstallResult> {
  const locations = await locateHooks(options.cwd);
  const target = { ...options.target, guards: await guardsFor(options.target) };
  const fastPath = writeRunner(fastPathPath(locations.commonDir), renderFastPath());
  const written = writeRunner(locations.runner, renderRunner(target));
  const runner = written === "unchanged" && fastPath !== "unchanged" ? "updated" : written;
  // Every install is a new trusted point in time: files of handoff older than this may run.
  writeFileSync(installStampPath(locations.commonDir), "");
  const { huskyDir, hooksDir } = locations;
  const changes = HOOK_NAMES.map((hook): HookChange => {
    if (!huskyDir) return installPlainHook(hooksDir, hook);
    if (huskyOutsideRepo(locations)) return { hook, file: path.join(huskyDir, hook), action: "skipped", detail: FOLDER_OUTSIDE };
    return installHuskyHook(huskyDir, hook);
  });
  return { locations, mode: huskyDir ? "husky" : "plain", runner, changes, warnings: warningsFor(locations) };
}
