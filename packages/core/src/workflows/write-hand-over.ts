import { existsSync } from "node:fs";
import type { AgentInfo } from "../agents/registry.js";
import { detectProvider } from "../agents/provider.js";
import { readGitSnapshot } from "../git/snapshot.js";
import type { SessionState } from "../schema/session-state.js";
import { handOver } from "../state/hand-over.js";
import { readStateFile } from "../store/read-state.js";
import { backupStateFile, updateStateFile, type WriteStateResult } from "../store/state-file.js";
import { ensureIgnored } from "../store/gitignore.js";
import { preparePathForWrite } from "../store/safe-path.js";
import { assertStateTarget } from "../store/state-target.js";
import type { OpenedRepo } from "./open-repo.js";

export interface WriteHandOverOptions {
  opened: OpenedRepo;
  source: SessionState;
  to: AgentInfo;
  provider?: string;
  reason?: string;
  commit?: string;
  stash?: string;
}

export interface HandOverResult extends WriteStateResult {
  /** Where the target's previous state went, when it held another task. */
  replaced?: string;
  ignored: string[];
}

/** Writes the source state into the target agent's file; a different task already there is backed up. */
export async function writeHandOver(options: WriteHandOverOptions): Promise<HandOverResult> {
  const { opened, source, to } = options;
  const root = opened.repo.root;
  // A target that is tracked or a folder is refused before anything there is backed up.
  const targetChecked = assertStateTarget(root, to, opened.repo);
  await targetChecked;
  // Refuse a symlinked path before anything is moved aside: the backup must not go through it either.
  const file = preparePathForWrite(root, to.file);
  let replaced: string | undefined;
  let previousProvider: string | undefined;
  if (to.name !== source.agent && existsSync(file)) {
    try {
      const previous = readStateFile(file)?.state;
      previousProvider = previous?.provider;
      const sameTask = previous?.task?.description === source.task?.description;
      if (!sameTask) replaced = backupStateFile(file, "replaced");
    } catch {
      // Unreadable: updateStateFile moves it to a .corrupt backup.
    }
  }
  const snapshot = await readGitSnapshot(opened.repo);
  const written = await updateStateFile({
    root,
    agent: to,
    targetChecked,
    update: () =>
      handOver(source, {
        to: to.name,
        provider:
          options.provider ??
          detectProvider(root, to.name) ??
          (to.name === source.agent ? source.provider : previousProvider),
        reason: options.reason,
        snapshot,
        commit: options.commit,
        stash: options.stash,
      }),
  });
  return { ...written, replaced, ignored: await ensureIgnored(root, [to.file]) };
}
