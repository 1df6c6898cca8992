import { existsSync } from "node:fs";
import path from "node:path";
import { HandoffError, isHandoffError, relativeInside } from "@handoff/core/internal";
import { applyEdits, removeEdits } from "./apply-edits.js";
import type { ConfigEdit } from "./edits.js";
import { digest, updateLedger, type ConfigFileRecord, type ConfigLedger } from "./ledger.js";
import { deleteConfigFile, readConfigText, writeConfigText } from "./safe-file.js";
import { OUTSIDE_REPOSITORY_HINT, outsideRepository } from "../messages.js";

export interface ConfigFileTarget {
  /** The work tree's root. */
  root: string;
  /** Its git directory, where the record of every change is kept (`<git-dir>/handoff/`). */
  gitDir: string;
}

export type ConfigFileAction =
  /** install: the file did not exist; handoff wrote it. */
  | "created"
  /** install: handoff's part added or brought up to date. */
  | "updated"
  | "unchanged"
  /** uninstall: the file is back to its bytes from before the install. */
  | "restored"
  /** uninstall: handoff's part taken out of a file someone changed since (the rest is kept). */
  | "removed"
  /** uninstall: a file handoff had created, deleted (and folders it created, when empty). */
  | "deleted"
  /** uninstall: the file could not be changed; `error` says why, and it was left as it is. */
  | "failed";

export interface ConfigFileChange {
  /** Relative to the root, with forward slashes. */
  file: string;
  owner: string;
  action: ConfigFileAction;
  error?: HandoffError;
}

function relativeName(root: string, file: string): string {
  const relative = relativeInside(root, path.resolve(root, file));
  if (!relative) {
    throw new HandoffError("E_UNSAFE_ARGUMENT", outsideRepository(file, root), {
      hint: OUTSIDE_REPOSITORY_HINT,
    });
  }
  return relative.split(path.sep).join("/");
}

/** Every owner's edits made on `base`, in the order the owners first installed. */
function compose(file: string, base: string, owners: Record<string, ConfigEdit[]>): string {
  return Object.values(owners).reduce((text, edits) => applyEdits(file, text, edits), base);
}

/** `text` with every recorded owner's edits taken out: the file as the user alone would have it. */
function decompose(file: string, text: string, owners: Record<string, ConfigEdit[]>): string {
  return Object.values(owners)
    .reverse()
    .reduce((result, edits) => removeEdits(file, result, edits), text);
}

function writeRecorded(target: ConfigFileTarget, relative: string, record: ConfigFileRecord, text: string): void {
  const created = writeConfigText(target.root, relative, text);
  record.createdFolders.push(...created);
  record.written = digest(text);
}

/**
 * Makes `owner`'s `edits` in `file` (relative to the root), keeping everything else in it: the
 * user's settings, in their order and formatting, and other owners' edits. Running it again with
 * the same edits changes nothing. A file that does not parse, a symlink, or a value of the wrong
 * kind on an edit's path is an error (HandoffError naming the file), and nothing is written.
 */
export async function installConfigEdits(
  target: ConfigFileTarget,
  owner: string,
  file: string,
  edits: ConfigEdit[],
): Promise<ConfigFileChange> {
  const relative = relativeName(target.root, file);
  const absolute = path.join(target.root, relative);
  return updateLedger(target.gitDir, (ledger) => {
    const current = readConfigText(target.root, relative);
    const known = ledger.files[relative];
    let record: ConfigFileRecord;
    if (known && current !== undefined && digest(current) === known.written) {
      record = { ...known, owners: { ...known.owners, [owner]: edits } };
    } else if (known) {
      // Changed by someone since handoff wrote it (or deleted): what is there now, less handoff's
      // edits, is the user's file from here on.
      const base = current === undefined ? null : decompose(absolute, current, known.owners);
      record = { original: base, written: "", createdFolders: current === undefined ? [] : known.createdFolders, owners: { ...known.owners, [owner]: edits } };
    } else {
      record = { original: current ?? null, written: "", createdFolders: [], owners: { [owner]: edits } };
    }
    const text = compose(absolute, record.original ?? "", record.owners);
    ledger.files[relative] = record;
    if (text === current) {
      record.written = digest(text);
      return { file: relative, owner, action: "unchanged" };
    }
    writeRecorded(target, relative, record, text);
    return { file: relative, owner, action: current === undefined ? "created" : "updated" };
  });
}

/**
 * Deletes a file handoff created, and the folders it created for it once they are empty. A folder
 * still holding another file handoff recorded (the MCP file beside the hooks file) is passed on to
 * that file's record, so that the last of them to go takes the folder with it.
 */
function deleteCreatedFile(target: ConfigFileTarget, ledger: ConfigLedger, relative: string, record: ConfigFileRecord): void {
  deleteConfigFile(target.root, relative, record.createdFolders);
  for (const folder of record.createdFolders) {
    if (!existsSync(path.join(target.root, folder))) continue;
    const heir = Object.entries(ledger.files).find(([other]) => other.startsWith(`${folder}/`));
    if (!heir || heir[1].createdFolders.includes(folder)) continue;
    heir[1].createdFolders.push(folder);
    heir[1].createdFolders.sort((a, b) => a.split("/").length - b.split("/").length);
  }
}

function uninstallOne(target: ConfigFileTarget, ledger: ConfigLedger, relative: string, owner: string): ConfigFileChange {
  const record = ledger.files[relative]!;
  const absolute = path.join(target.root, relative);
  const { [owner]: mine = [], ...others } = record.owners;
  const current = readConfigText(target.root, relative);
  const change = (action: ConfigFileAction): ConfigFileChange => ({ file: relative, owner, action });
  const keepOthers = Object.keys(others).length > 0;
  if (current === undefined) {
    if (keepOthers) record.owners = others;
    else delete ledger.files[relative];
    return change("unchanged");
  }
  if (digest(current) === record.written) {
    if (!keepOthers) {
      delete ledger.files[relative];
      if (record.original === null) {
        deleteCreatedFile(target, ledger, relative, record);
        return change("deleted");
      }
      writeConfigText(target.root, relative, record.original);
      return change("restored");
    }
    record.owners = others;
    const text = compose(absolute, record.original ?? "", others);
    writeRecorded(target, relative, record, text);
    return change(text === current ? "unchanged" : "removed");
  }
  // Someone changed the file since: take out only this owner's edits and keep the rest.
  const text = removeEdits(absolute, current, mine);
  if (keepOthers) {
    record.owners = others;
    record.original = decompose(absolute, text, others);
  } else {
    delete ledger.files[relative];
  }
  if (text === current) {
    if (keepOthers) record.written = digest(text);
    return change("unchanged");
  }
  if (text === "" && record.original === null && !keepOthers) {
    deleteCreatedFile(target, ledger, relative, record);
    return change("deleted");
  }
  writeConfigText(target.root, relative, text);
  if (keepOthers) record.written = digest(text);
  return change("removed");
}

/**
 * Takes out every edit `owner` made (in each file the record names, or only in `files`): a file
 * nobody changed since goes back to its bytes from before the install, or is deleted when handoff
 * created it; in a file someone changed, only handoff's part is taken out. A file that cannot be
 * changed is left as it is and reported as "failed" with its error; the others still go back.
 */
export async function uninstallConfigEdits(target: ConfigFileTarget, owner: string, files?: string[]): Promise<ConfigFileChange[]> {
  const wanted = files?.map((file) => relativeName(target.root, file));
  return updateLedger(target.gitDir, (ledger) => {
    const changes: ConfigFileChange[] = [];
    for (const relative of Object.keys(ledger.files)) {
      if (!(owner in ledger.files[relative]!.owners) || (wanted && !wanted.includes(relative))) continue;
      try {
        changes.push(uninstallOne(target, ledger, relative, owner));
      } catch (error) {
        if (!isHandoffError(error)) throw error;
        changes.push({ file: relative, owner, action: "failed", error });
      }
    }
    return changes;
  });
}

export { configOwners, filesEditedBy } from "./ledger.js";
