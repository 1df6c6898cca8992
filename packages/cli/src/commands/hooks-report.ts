import { realpathSync } from "node:fs";
import { displaySafe, relativeInside } from "@handoff/core/internal";
import type { HookChange, InstallResult, RunnerTarget, UninstallResult } from "@handoff/hooks";
import type { Output } from "../output.js";
import { formatTable } from "./table.js";
import { warning } from "../messages/common.js";
import {
  HOOK_ACTION_TEXT,
  hookSkipped,
  hooksAlreadyInstalled,
  hooksFolder,
  hooksInstalled,
  HOOKS_REMOVED,
  huskyFolder,
  NO_HOOKS_INSTALLED,
  prepared,
  preparedSkipped,
  preparedWarning,
} from "../messages/setup.js";

/** The node binary and bin (dist/cli.cjs) of this very `handoff`, for the hooks to run. */
export function currentHandoff(): RunnerTarget {
  const script = process.argv[1] ?? "";
  let cli = script;
  try {
    cli = realpathSync(script);
  } catch {
    // keep the path as given; the runner falls back to node_modules/.bin and PATH
  }
  return { node: process.execPath, cli };
}

const ACTION_TEXT: Record<HookChange["action"], string> = HOOK_ACTION_TEXT;

function shown(root: string, file: string): string {
  return displaySafe(relativeInside(root, file) ?? file);
}

function printChanges(out: Output, root: string, changes: HookChange[]): void {
  const rows = changes.map((change) => [
    change.hook,
    shown(root, change.file),
    ACTION_TEXT[change.action] + (change.detail ? `: ${displaySafe(change.detail)}` : ""),
  ]);
  for (const line of formatTable(rows)) out.line(`   ${line}`);
}

export function printInstall(out: Output, result: InstallResult): void {
  const { locations } = result;
  const where =
    result.mode === "husky"
      ? huskyFolder(shown(locations.root, locations.huskyDir!))
      : hooksFolder(shown(locations.root, locations.hooksDir));
  const nothingChanged = result.runner === "unchanged" && result.changes.every((change) => change.action === "unchanged");
  out.line(nothingChanged ? hooksAlreadyInstalled(where) : hooksInstalled(where));
  if (!nothingChanged) printChanges(out, locations.root, result.changes);
  for (const change of result.changes.filter((entry) => entry.action === "skipped")) {
    out.line(hookSkipped(change.hook, displaySafe(change.detail ?? "")));
  }
  for (const text of result.warnings) out.line(warning(displaySafe(text)));
}

/** One line for a package manager's install log, plus any warning. */
export function printPrepared(out: Output, result: InstallResult): void {
  const { locations } = result;
  const where = result.mode === "husky" ? shown(locations.root, locations.huskyDir!) : shown(locations.root, locations.hooksDir);
  const changed = result.runner !== "unchanged" || result.changes.some((change) => change.action !== "unchanged");
  out.note(prepared(changed, where));
  for (const change of result.changes.filter((entry) => entry.action === "skipped")) {
    out.note(preparedSkipped(change.hook, displaySafe(change.detail ?? "")));
  }
  for (const text of result.warnings) out.note(preparedWarning(displaySafe(text)));
}

export function printUninstall(out: Output, result: UninstallResult): void {
  if (result.changes.length === 0 && !result.runnerRemoved) {
    out.line(NO_HOOKS_INSTALLED);
    return;
  }
  out.line(HOOKS_REMOVED);
  printChanges(out, result.locations.root, result.changes);
}
