import { readFileSync } from "node:fs";
import path from "node:path";
import { runGit } from "../git/run-git.js";
import { parseStatus } from "../git/status.js";
import type { SaveInput } from "../state/build.js";
import { pathExists } from "../util/path-exists.js";

/**
 * The files an agent says it edited, checked against git: what it deleted later is not work in
 * progress, nor what it already committed (and pushed); a file git does not track is created,
 * one it tracks is modified, whatever the transcript said. handoff's own `.gitignore` lines
 * (`handoff init`, or a save adding a state file) are not the agent's work either.
 */
export interface CheckedFiles {
  input: SaveInput;
  notes: string[];
}

const HANDOFF_IGNORE_LINE = /^(# handoff:.*|.*session-state\.json\*?|)$/;


function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim());
}

/** Whether every line `.gitignore` gained since HEAD is one handoff writes, and none was removed. */
async function onlyHandoffIgnoreLines(root: string): Promise<boolean> {
  const before = await runGit(root, ["show", "HEAD:.gitignore"]);
  const old = before.code === 0 ? lines(before.stdout.toString("utf8")) : [];
  let now: string[];
  try {
    now = lines(readFileSync(path.join(root, ".gitignore"), "utf8"));
  } catch {
    return false;
  }
  const remaining = new Map<string, number>();
  for (const line of old) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of now) {
    const count = remaining.get(line) ?? 0;
    if (count > 0) remaining.set(line, count - 1);
    else added.push(line);
  }
  const removed = [...remaining.values()].some((count) => count > 0);
  return !removed && added.every((line) => HANDOFF_IGNORE_LINE.test(line));
}

function plural(count: number, what: string): string {
  return `${count} ${what}${count === 1 ? "" : "s"}`;
}

export async function checkFilesAgainstGit(root: string, input: SaveInput): Promise<CheckedFiles> {
  let status;
  try {
    const run = await runGit(root, ["status", "--porcelain=v2", "-z", "--untracked-files=all", "--ignore-submodules=dirty"]);
    if (run.code !== 0) return { input, notes: [] };
    status = parseStatus(run.stdout.toString("utf8"));
  } catch {
    return { input, notes: [] };
  }
  const untracked = new Set([...status.added, ...status.untracked]);
  const changed = new Set([...status.modified, ...status.conflicted]);
  const notes: string[] = [];
  const handoffIgnore = (changed.has(".gitignore") || untracked.has(".gitignore")) && (await onlyHandoffIgnoreLines(root));
  const ours = (file: string) => file === ".gitignore" && handoffIgnore;

  if (input.filesModified === undefined && input.filesCreated === undefined) {
    // The session named no files: git's picture, without handoff's own .gitignore lines.
    if (!handoffIgnore) return { input, notes };
    return {
      input: { ...input, filesModified: [...changed].filter((file) => !ours(file)), filesCreated: [...untracked].filter((file) => !ours(file)) },
      notes,
    };
  }

  const modified: string[] = [];
  const created: string[] = [];
  let deleted = 0;
  let committed = 0;
  for (const file of new Set([...(input.filesModified ?? []), ...(input.filesCreated ?? [])])) {
    if (ours(file)) continue;
    if (!pathExists(path.join(root, file))) deleted++;
    else if (untracked.has(file)) created.push(file);
    else if (changed.has(file)) modified.push(file);
    else committed++;
  }
  if (deleted) notes.push(`${plural(deleted, "file")} the session edited ${deleted === 1 ? "no longer exists" : "no longer exist"} (deleted later): not listed`);
  if (committed) {
    const has = committed === 1 ? "has" : "have";
    notes.push(`${plural(committed, "file")} the session edited ${has} no uncommitted change (committed, reverted or git-ignored): not listed as work in progress`);
  }
  return { input: { ...input, filesModified: modified, filesCreated: created }, notes };
}
