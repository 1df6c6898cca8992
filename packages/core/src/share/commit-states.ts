import { gitOutput, runGit } from "../git/run-git.js";

/** Used when this clone has no identity (a CI runner, a cloud agent): commit-tree needs one. */
const FALLBACK_IDENTITY = { GIT_AUTHOR_NAME: "handoff", GIT_AUTHOR_EMAIL: "handoff@localhost", GIT_COMMITTER_NAME: "handoff", GIT_COMMITTER_EMAIL: "handoff@localhost" };

async function identityEnv(root: string, env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const known = (await runGit(root, ["var", "GIT_COMMITTER_IDENT"], { env })).code === 0 && (await runGit(root, ["var", "GIT_AUTHOR_IDENT"], { env })).code === 0;
  return known ? env : { ...env, ...FALLBACK_IDENTITY };
}

/** A commit of `tree` on top of `parents` (git commit-tree): no checkout, no index, no branch moved. */
export async function commitTree(root: string, tree: string, parents: readonly string[], message: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const args = ["commit-tree", tree, ...[...new Set(parents)].flatMap((parent) => ["-p", parent])];
  const output = await gitOutput(root, args, { input: message, env: await identityEnv(root, env) });
  return output.toString("utf8").trim();
}

/**
 * Moves `ref` from `expected` (undefined: it must not exist yet) to `next`; false when another
 * process moved it first (git update-ref's compare-and-swap).
 */
export async function compareAndSwapRef(root: string, ref: string, next: string, expected: string | undefined): Promise<boolean> {
  const result = await runGit(root, ["update-ref", "-m", "handoff push", ref, next, expected ?? ""]);
  return result.code === 0;
}
