import { HandoffError } from "../errors.js";
import { runGit } from "../git/run-git.js";
import { DETACHED_HEAD, DETACHED_HEAD_HINT, notARefName, REF_NAME_HINT } from "../messages.js";

/** The ref that carries a branch's states: `refs/handoff/<branch>`, beside the branch, never on it. */
export function handoffRefOf(branch: string): string {
  return `refs/handoff/${branch}`;
}

/** Where `fetch` keeps what a remote holds for a branch, so that the local ref is never overwritten. */
export function fetchedRefOf(remote: string, branch: string): string {
  return `refs/handoff-remote/${remote}/${branch}`;
}

/**
 * Throws unless `git check-ref-format` accepts `ref`: a branch or remote name with odd characters
 * reaches git only as a valid ref, never as an option or a pattern.
 */
export async function assertRefName(root: string, ref: string, what: string): Promise<void> {
  // Every ref passed here starts with "refs/", so git cannot read it as an option.
  const valid = ref.startsWith("refs/") && !ref.includes("\0") && (await runGit(root, ["check-ref-format", ref])).code === 0;
  if (!valid) {
    throw new HandoffError("E_UNSAFE_ARGUMENT", notARefName(what, ref), {
      hint: REF_NAME_HINT,
    });
  }
}

/** The branch HEAD is on; a detached HEAD has none, and push and pull need one. */
export async function currentBranch(root: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await runGit(root, ["symbolic-ref", "-q", "HEAD"], { env });
  const full = result.stdout.toString("utf8").trim();
  if (result.code !== 0 || !full.startsWith("refs/heads/")) {
    throw new HandoffError("E_GIT", DETACHED_HEAD, {
      hint: DETACHED_HEAD_HINT,
    });
  }
  return full.slice("refs/heads/".length);
}

/** The commit a local ref points at, or undefined when there is none. */
export async function readRef(root: string, ref: string, env?: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await runGit(root, ["rev-parse", "-q", "--verify", "--end-of-options", `${ref}^{commit}`], { env });
  const id = result.stdout.toString("utf8").trim();
  return result.code === 0 && id ? id : undefined;
}
