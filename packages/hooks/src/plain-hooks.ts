import { readFileSync, renameSync, unlinkSync, type Stats } from "node:fs";
import path from "node:path";
import { writeHookFile } from "./file-write.js";
import { lstatOrUndefined } from "./fs-checks.js";
import type { HookChange } from "./hook-change.js";
import type { HookName } from "./hook-names.js";
import { CHAINED_SUFFIX, STUB_SIGNATURE, renderStub } from "./hook-scripts.js";
import { chainedAlreadyThere, chainedHook, notOursLeftBeside } from "./messages.js";

function isStub(file: string, stat: Stats | undefined): boolean {
  if (!stat?.isFile()) return false;
  return readFileSync(file, "utf8").split("\n", 3).includes(STUB_SIGNATURE);
}

/** True when `<hooks>/<hook>` is a stub handoff wrote. */
export function isStubIn(hooksDir: string, hook: HookName): boolean {
  const file = path.join(hooksDir, hook);
  return isStub(file, lstatOrUndefined(file));
}

/**
 * Writes handoff's stub as `<hooks>/<hook>`. A hook already there (file or symlink) is renamed to
 * `<hook>.handoff-chained` untouched, and the stub runs it after handoff's part with git's
 * arguments and stdin, passing on its exit code.
 */
export function installPlainHook(hooksDir: string, hook: HookName): HookChange {
  const file = path.join(hooksDir, hook);
  const chained = file + CHAINED_SUFFIX;
  const stub = renderStub(hook);
  const stat = lstatOrUndefined(file);
  if (!stat) {
    writeHookFile(file, stub, 0o755);
    return { hook, file, action: "created" };
  }
  if (isStub(file, stat)) {
    if (readFileSync(file, "utf8") === stub && (stat.mode & 0o111) !== 0) return { hook, file, action: "unchanged" };
    writeHookFile(file, stub, 0o755);
    return { hook, file, action: "updated" };
  }
  if (lstatOrUndefined(chained)) {
    return {
      hook,
      file,
      action: "skipped",
      detail: chainedAlreadyThere(path.basename(chained)),
    };
  }
  renameSync(file, chained);
  writeHookFile(file, stub, 0o755);
  return { hook, file, action: "chained", detail: chainedHook(path.basename(chained)) };
}

/** Takes handoff's stub out and puts back the hook it chained, byte for byte; anything else stays. */
export function uninstallPlainHook(hooksDir: string, hook: HookName): HookChange | undefined {
  const file = path.join(hooksDir, hook);
  const chained = file + CHAINED_SUFFIX;
  const stat = lstatOrUndefined(file);
  const ours = isStub(file, stat);
  if (stat && !ours) {
    if (!lstatOrUndefined(chained)) return undefined;
    return { hook, file, action: "skipped", detail: notOursLeftBeside(path.basename(chained)) };
  }
  if (lstatOrUndefined(chained)) {
    renameSync(chained, file);
    return { hook, file, action: "restored" };
  }
  if (!ours) return undefined;
  unlinkSync(file);
  return { hook, file, action: "removed" };
}
