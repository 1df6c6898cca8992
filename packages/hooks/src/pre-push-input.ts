import { isObjectId } from "@handoff/core/internal";

/** One line of what git writes on pre-push's stdin. */
export interface PushUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

const ZERO = /^0+$/;

export function isZeroId(id: string): boolean {
  return ZERO.test(id);
}

/**
 * Parses `<local ref> SP <local sha> SP <remote ref> SP <remote sha>` lines. Anything else is
 * ignored: only well-formed object ids ever reach git.
 */
export function parsePushUpdates(stdin: string): PushUpdate[] {
  return stdin.split("\n").flatMap((line) => {
    const fields = line.trim().split(" ");
    if (fields.length !== 4) return [];
    const [localRef, localSha, remoteRef, remoteSha] = fields as [string, string, string, string];
    if (!isObjectId(localSha) || !isObjectId(remoteSha)) return [];
    return [{ localRef, localSha, remoteRef, remoteSha }];
  });
}

/** A deletion (`git push origin :branch`) pushes no commit, so there is nothing to check. */
export function pushesCommits(update: PushUpdate): boolean {
  return !isZeroId(update.localSha);
}
