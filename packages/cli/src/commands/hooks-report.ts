import { realpathSync } from "node:fs";
import { displaySafe, relativeInside } from "@handoff/core/internal";
import type { HookChange, InstallResult, RunnerTarget, UninstallResult } from "@handoff/hooks";
import type { Output } from "../output.js";
import { formatTable } from "./table.js";

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

const ACTION_TEXT: Record<HookChange["action"], string> = {
  created: "created",
  added: "handoff block added (your lines kept)",
  chained: "installed",
  updated: "updated",
  unchanged: "already installed",
  skipped: "skipped",
  removed: "removed",
  restored: "restored the hook that was there before",
  deleted: "deleted (handoff had created it)",
};

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
      ? `husky's ${shown(locations.root, locations.huskyDir!)}/`
      : `${shown(locations.root, locations.hooksDir)}/`;
  const nothingChanged = result.runner === "unchanged" && result.changes.every((change) => change.action === "unchanged");
  out.line(nothingChanged ? `✅ handoff hooks already installed in ${where}; nothing changed` : `✅ handoff hooks installed in ${where}`);
  if (!nothingChanged) printChanges(out, locations.root, result.changes);
  for (const change of result.changes.filter((entry) => entry.action === "skipped")) {
    out.line(`⚠️  ${change.hook} was skipped: ${displaySafe(change.detail ?? "")}`);
  }
  for (const warning of result.warnings) out.line(`⚠️  ${displaySafe(warning)}`);
}

/** One line for a package manager's install log, plus any warning. */
export function printPrepared(out: Output, result: InstallResult): void {
  const { locations } = result;
  const where = result.mode === "husky" ? shown(locations.root, locations.huskyDir!) : shown(locations.root, locations.hooksDir);
  const changed = result.runner !== "unchanged" || result.changes.some((change) => change.action !== "unchanged");
  out.note(`handoff: git hooks ${changed ? "installed" : "already installed"} (${where})`);
  for (const change of result.changes.filter((entry) => entry.action === "skipped")) {
    out.note(`⚠️  handoff: ${change.hook} was skipped: ${displaySafe(change.detail ?? "")}`);
  }
  for (const warning of result.warnings) out.note(`⚠️  handoff: ${displaySafe(warning)}`);
}

export function printUninstall(out: Output, result: UninstallResult): void {
  if (result.changes.length === 0 && !result.runnerRemoved) {
    out.line("No handoff hooks are installed here; nothing changed.");
    return;
  }
  out.line("✅ handoff hooks removed");
  printChanges(out, result.locations.root, result.changes);
}
