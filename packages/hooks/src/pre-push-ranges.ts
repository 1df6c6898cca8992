import { changedFiles, gitOutput, runGit, type BlobEntry } from "@handoff/core/internal";
import { isZeroId, type PushUpdate } from "./pre-push-input.js";

/** What a pushed ref brings the remote: the files at `tip` that differ from every one of `bases`. */
interface PushRange {
  tip: string;
  /** Commits the remote already has that the new commits sit on; empty when all of the history is new. */
  bases: string[];
}

interface GitContext {
  root: string;
  remote: string;
  env: NodeJS.ProcessEnv;
}

/** More bases than this (an octopus of merges) are not worth a diff each: the first ones decide. */
const MAX_BASES = 16;

async function succeeds(context: GitContext, args: string[]): Promise<boolean> {
  return (await runGit(context.root, args, { env: context.env })).code === 0;
}

async function mergeBase(context: GitContext, a: string, b: string): Promise<string | undefined> {
  const result = await runGit(context.root, ["merge-base", a, b], { env: context.env });
  return result.code === 0 ? result.stdout.toString("utf8").trim() || undefined : undefined;
}

/**
 * A new branch, or a remote commit this repository does not have: the commits the remote's
 * tracking refs do not know are the new ones, and the known commits at their edge are the bases.
 */
async function rangeAgainstRemoteRefs(context: GitContext, tip: string): Promise<PushRange | undefined> {
  const output = await gitOutput(context.root, ["rev-list", "--boundary", tip, "--not", `--remotes=${context.remote}`], {
    env: context.env,
  });
  const lines = output.toString("utf8").split("\n").filter(Boolean);
  const bases = lines.filter((line) => line.startsWith("-")).map((line) => line.slice(1));
  if (bases.length === lines.length) return undefined; // every commit is already on the remote
  return { tip, bases: bases.slice(0, MAX_BASES) };
}

/**
 * The range one ref update pushes: a fast-forward from the remote's old commit, a force push from
 * where the two histories meet, a new branch from the remote's tracking refs. Undefined when the
 * update brings no new commit (a deletion, or a ref moved to a commit the remote has).
 */
async function pushRange(context: GitContext, update: PushUpdate): Promise<PushRange | undefined> {
  const tip = update.localSha;
  if (isZeroId(tip)) return undefined;
  const old = update.remoteSha;
  if (!isZeroId(old) && (await succeeds(context, ["cat-file", "-e", `${old}^{commit}`]))) {
    if (await succeeds(context, ["merge-base", "--is-ancestor", old, tip])) return old === tip ? undefined : { tip, bases: [old] };
    const base = await mergeBase(context, old, tip); // a force push
    if (base) return { tip, bases: [base] };
  }
  return rangeAgainstRemoteRefs(context, tip);
}

/** The files a range changes, as they are at its tip: in every base's diff, or all files when history is new. */
async function filesInRange(context: GitContext, range: PushRange, wanted: (path: string) => boolean): Promise<BlobEntry[]> {
  if (range.bases.length === 0) return changedFiles(context.root, undefined, range.tip, { wanted, env: context.env });
  let common: Map<string, BlobEntry> | undefined;
  for (const base of range.bases) {
    const changed = await changedFiles(context.root, base, range.tip, { wanted, env: context.env });
    const byPath = new Map(changed.map((entry) => [entry.path, entry]));
    common = common ? new Map([...common].filter(([path]) => byPath.has(path))) : byPath;
  }
  return [...(common ?? new Map<string, BlobEntry>()).values()];
}

/** Every file the push brings, once per content (the same blob pushed on two refs is read once). */
export async function pushedFiles(context: GitContext, updates: readonly PushUpdate[], wanted: (path: string) => boolean): Promise<BlobEntry[]> {
  const files = new Map<string, BlobEntry>();
  for (const update of updates) {
    const range = await pushRange(context, update);
    if (!range) continue;
    for (const entry of await filesInRange(context, range, wanted)) files.set(`${entry.path}\0${entry.id}`, entry);
  }
  return [...files.values()];
}
