import { readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { writeHookFile } from "./file-write.js";
import { lstatOrUndefined } from "./fs-checks.js";
import type { HookChange } from "./hook-change.js";
import type { HookName } from "./hook-names.js";
import { renderHuskyBlock } from "./hook-scripts.js";
import { hasHandoffBlock, withHandoffBlock, withoutHandoffBlock } from "./husky-file.js";
import { BLOCK_END_LOST, NOT_A_REGULAR_HOOK } from "./messages.js";

function notRegular(hook: HookName, file: string): HookChange {
  return { hook, file, action: "skipped", detail: NOT_A_REGULAR_HOOK };
}

/** Adds handoff's block to `.husky/<hook>`, creating the file when there is none. */
export function installHuskyHook(huskyDir: string, hook: HookName): HookChange {
  const file = path.join(huskyDir, hook);
  const stat = lstatOrUndefined(file);
  if (stat && !stat.isFile()) return notRegular(hook, file);
  const before = stat ? readFileSync(file, "utf8") : undefined;
  const after = withHandoffBlock(before, renderHuskyBlock(hook));
  if (after === before) return { hook, file, action: "unchanged" };
  // husky runs these files with `sh`, so a new one needs no execute bit (like `husky init`'s).
  writeHookFile(file, after, stat ? undefined : 0o644);
  const action = before === undefined ? "created" : hasHandoffBlock(before) ? "updated" : "added";
  return { hook, file, action };
}

/** Takes handoff's block out of `.husky/<hook>` again; deletes the file when handoff had created it. */
export function uninstallHuskyHook(huskyDir: string, hook: HookName): HookChange | undefined {
  const file = path.join(huskyDir, hook);
  const stat = lstatOrUndefined(file);
  if (!stat?.isFile()) return undefined;
  const content = readFileSync(file, "utf8");
  if (!hasHandoffBlock(content)) return undefined;
  const removal = withoutHandoffBlock(content);
  if (removal.kind === "unchanged") {
    return { hook, file, action: "skipped", detail: BLOCK_END_LOST };
  }
  if (removal.kind === "delete") {
    unlinkSync(file);
    return { hook, file, action: "deleted" };
  }
  writeHookFile(file, removal.content);
  return { hook, file, action: "removed" };
}
