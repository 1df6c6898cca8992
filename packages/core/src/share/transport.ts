import { HandoffError } from "../errors.js";
import { runGit } from "../git/run-git.js";
import { isObjectId } from "../util/object-id.js";
import { ADD_REMOTE_HINT, notARemote, transportFailed, transportFailedHint, useRemote } from "../messages.js";

/** The handoff ref moves only with git's own transport: its remotes, authentication and protocols. */
function transportError(action: string, remote: string, stderr: string): HandoffError {
  return new HandoffError("E_GIT", transportFailed(action, remote, stderr.trim().split("\n").slice(-3).join(" ")), {
    hint: transportFailedHint(action, remote),
  });
}

/**
 * The remote to use: the one given, else the branch's upstream remote, else "origin". It must be
 * a remote configured here: its name becomes part of a local ref.
 */
export async function resolveRemote(root: string, branch: string, given: string | undefined, env?: NodeJS.ProcessEnv): Promise<string> {
  let remote = given;
  if (remote === undefined) {
    const upstream = await runGit(root, ["config", "--get", `branch.${branch}.remote`], { env });
    const name = upstream.stdout.toString("utf8").trim();
    remote = upstream.code === 0 && name && name !== "." ? name : "origin";
  }
  const remotes = (await runGit(root, ["remote"], { env })).stdout.toString("utf8").split("\n");
  if (remote.startsWith("-") || !remotes.includes(remote)) {
    throw new HandoffError("E_GIT", notARemote(remote), {
      hint: remotes.some(Boolean)
        ? useRemote(remotes.filter(Boolean))
        : ADD_REMOTE_HINT,
    });
  }
  return remote;
}

/** The commit `ref` points at on `remote`, or undefined when the remote has no such ref. */
export async function remoteRefTip(root: string, remote: string, ref: string, env?: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await runGit(root, ["ls-remote", "--refs", remote, ref], { env, transport: true });
  if (result.code !== 0) throw transportError("ls-remote", remote, result.stderr);
  for (const line of result.stdout.toString("utf8").split("\n")) {
    const [id, name] = line.split("\t");
    if (name === ref && id && isObjectId(id)) return id;
  }
  return undefined;
}

/** Fetches `ref` from `remote` into the local `into` (forced: it only ever mirrors the remote). */
export async function fetchRef(root: string, remote: string, ref: string, into: string, env?: NodeJS.ProcessEnv): Promise<void> {
  const result = await runGit(root, ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, `+${ref}:${into}`], {
    env,
    transport: true,
  });
  if (result.code !== 0) throw transportError("fetch", remote, result.stderr);
}

/**
 * Pushes the local `ref` to the same name on `remote`, fast-forward only, without the pre-push
 * hook (handoff's own would push again). "rejected" when the remote moved meanwhile.
 */
export async function pushRef(root: string, remote: string, ref: string, env?: NodeJS.ProcessEnv): Promise<"pushed" | "rejected"> {
  const result = await runGit(root, ["push", "--quiet", "--porcelain", "--no-verify", remote, `${ref}:${ref}`], {
    env: { ...(env ?? process.env), HANDOFF_SKIP: "1" },
    transport: true,
  });
  if (result.code === 0) return "pushed";
  // Someone else moved the ref first: a non-fast-forward, or two creations of it at once
  // ("failed to update ref", "failed to lock" on the remote). A server that refuses the ref
  // ("hook declined", "deny ...") is an error: trying again would not change its mind.
  const lines = result.stdout.toString("utf8").split("\n").filter((line) => line.startsWith("!"));
  const rejected = lines.some((line) => /\[rejected\]|\[remote rejected\] \((?:failed to (?:update ref|lock)|stale info|incorrect old value)/.test(line));
  if (rejected) return "rejected";
  throw transportError("push", remote, result.stderr || result.stdout.toString("utf8"));
}
