import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hexDigest, writeFileAtomic, withFileLock } from "@handoff/core/internal";
import { handoffFolder } from "../git-folder.js";
import type { ConfigEdit } from "./edits.js";

/** What handoff knows about one project configuration file it changed. */
export interface ConfigFileRecord {
  /** The file's text before handoff first changed it; null when handoff created it. */
  original: string | null;
  /** sha256 of the text handoff last wrote: when the file still has it, nobody else changed it. */
  written: string;
  /** Folders handoff created for the file, relative to the root, deepest last. */
  createdFolders: string[];
  /** Each feature's edits ("agent-hooks:claude", "mcp:claude"), in the order they were made. */
  owners: Record<string, ConfigEdit[]>;
}

export interface ConfigLedger {
  version: 1;
  /** Keyed by the path relative to the work tree's root, with forward slashes. */
  files: Record<string, ConfigFileRecord>;
}

/** Kept per work tree (its own git directory): each worktree has its own configuration files. */
export function ledgerPath(gitDir: string): string {
  return path.join(handoffFolder(gitDir), "project-config.json");
}

export function digest(text: string): string {
  return hexDigest("sha256", text);
}

export function readLedger(gitDir: string): ConfigLedger {
  try {
    const parsed = JSON.parse(readFileSync(ledgerPath(gitDir), "utf8")) as ConfigLedger;
    if (parsed?.version === 1 && typeof parsed.files === "object" && parsed.files) return parsed;
  } catch {
    // none yet, or unreadable: start afresh (the files themselves are checked before any change)
  }
  return { version: 1, files: {} };
}

/** Runs `work` on the ledger under its lock, and saves what it leaves. */
export async function updateLedger<T>(gitDir: string, work: (ledger: ConfigLedger) => T): Promise<T> {
  const file = ledgerPath(gitDir);
  mkdirSync(path.dirname(file), { recursive: true });
  return withFileLock(file, () => {
    const ledger = readLedger(gitDir);
    try {
      return work(ledger);
    } finally {
      writeFileAtomic(file, `${JSON.stringify(ledger, null, 2)}\n`);
    }
  });
}

/** The files in which `owner` has edits recorded (relative to the root). */
export function filesEditedBy(gitDir: string, owner: string): string[] {
  const ledger = readLedger(gitDir);
  return Object.keys(ledger.files).filter((relative) => owner in ledger.files[relative]!.owners);
}

/** Every owner with edits recorded in this work tree. */
export function configOwners(gitDir: string): string[] {
  const ledger = readLedger(gitDir);
  return [...new Set(Object.values(ledger.files).flatMap((record) => Object.keys(record.owners)))];
}
