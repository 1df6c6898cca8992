import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { RepoPaths } from "./repo-paths.js";
import { isObjectId } from "../util/object-id.js";
import { isPathInside } from "../util/paths.js";
import { readBoundedText } from "../util/read-bounded.js";

/**
 * The repository around `cwd` and its HEAD, read from the files git keeps, without starting git:
 * a fresh `handoff restore` then needs no git process at all. It answers only for the plain
 * layouts it fully understands (a `.git` folder, or a `.git` file of a worktree or submodule, with
 * loose or packed refs, HEAD on a branch or detached, owned by the current user) and returns
 * undefined for anything else, where `git rev-parse` decides.
 */
export function discoverFromFiles(cwd: string, env: NodeJS.ProcessEnv = process.env): RepoPaths | undefined {
  // Variables that change how git searches for a repository: git itself must apply them.
  if (env.GIT_CEILING_DIRECTORIES || env.GIT_DISCOVERY_ACROSS_FILESYSTEM) return undefined;
  let start: string;
  try {
    start = realpathSync(cwd);
  } catch {
    return undefined;
  }
  for (let dir = start; ; dir = path.dirname(dir)) {
    const found = gitDirAt(dir);
    if (found === "unknown") return undefined;
    if (found) return isPathInside(found.gitDir, start) ? undefined : withHead(dir, found);
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface GitDirs {
  gitDir: string;
  /** Where refs and packed-refs live: the main repository's git dir for a linked worktree. */
  commonDir: string;
}

function gitDirAt(dir: string): GitDirs | undefined | "unknown" {
  const dotGit = path.join(dir, ".git");
  let isFolder: boolean;
  try {
    isFolder = statSync(dotGit).isDirectory();
  } catch {
    return undefined;
  }
  if (isFolder) return { gitDir: dotGit, commonDir: dotGit };
  const pointer = /^gitdir: (.+)$/m.exec(readGitFile(dotGit) ?? "");
  if (!pointer) return "unknown";
  const gitDir = path.resolve(dir, pointer[1]!.trim());
  const common = readGitFile(path.join(gitDir, "commondir"));
  if (common === undefined) return "unknown";
  return { gitDir, commonDir: common.trim() ? path.resolve(gitDir, common.trim()) : gitDir };
}

function withHead(root: string, dirs: GitDirs): RepoPaths | undefined {
  // A reftable repository is for git to read.
  if (existsSync(path.join(dirs.commonDir, "reftable"))) return undefined;
  if (!configIsPlain(dirs) || !ownedByUs(new Set([root, path.join(root, ".git"), dirs.gitDir, dirs.commonDir]))) return undefined;
  const head = resolveHead(dirs);
  return head === undefined ? undefined : { root, gitDir: dirs.gitDir, head };
}

/**
 * Settings that change where the work tree is or whether there is one (core.worktree, core.bare),
 * in the shared config or a per-worktree `config.worktree`, and includes that could set them: git
 * must read those itself.
 */
const LAYOUT_SETTINGS = /^\s*worktree\s*=|^\s*bare\s*(?:$|[#;]|=(?!\s*(?:false|no|off|0)\s*(?:$|[#;])))|^\s*\[\s*include/im;

function configIsPlain(dirs: GitDirs): boolean {
  // One look per file: in a main work tree, the git dir and the common dir are the same folder.
  const files = new Set([path.join(dirs.commonDir, "config"), path.join(dirs.commonDir, "config.worktree"), path.join(dirs.gitDir, "config.worktree")]);
  return [...files].every((file) => {
    const text = readGitFile(file);
    return text !== undefined && !LAYOUT_SETTINGS.test(text);
  });
}

/**
 * git refuses a repository that another user owns ("dubious ownership") unless safe.directory
 * allows it: a repository not plainly ours is left to git, which applies that setting.
 */
function ownedByUs(paths: ReadonlySet<string>): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true; // Windows: git's check there is by SID, and has no uid to compare.
  return [...paths].every((at) => {
    try {
      return statSync(at).uid === uid;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ENOENT";
    }
  });
}

/**
 * HEAD's commit id; null for a branch with no commits yet; undefined when unsure. Only a HEAD that
 * is detached or names a branch (one loose or packed ref, in the common git dir) is read here:
 * other refs (per-worktree or shared, symbolic chains) are left to git.
 */
function resolveHead(dirs: GitDirs): string | null | undefined {
  const content = readGitFile(path.join(dirs.gitDir, "HEAD"))?.trim();
  if (content === undefined) return undefined;
  if (isObjectId(content)) return content;
  const ref = /^ref: (refs\/heads\/\S+)$/.exec(content)?.[1];
  if (!ref) return undefined;
  const loose = readGitFile(path.join(dirs.commonDir, ref))?.trim();
  if (loose === undefined) return undefined;
  if (loose) return isObjectId(loose) ? loose : undefined;
  return packedRef(dirs.commonDir, ref);
}

/** The branch's id in packed-refs; null when it is not there (no commits yet); undefined when unsure. */
function packedRef(commonDir: string, ref: string): string | null | undefined {
  const text = readGitFile(path.join(commonDir, "packed-refs"));
  if (text === undefined) return undefined;
  for (const line of text.split("\n")) {
    const [id, name] = line.trim().split(" ");
    if (name === ref && id && isObjectId(id)) return id;
  }
  return null;
}

/** packed-refs grows with the repository's refs; past this, git reads it. */
const MAX_GIT_FILE_BYTES = 32 * 1024 * 1024;

/** A file of the git dir: "" when it is absent, undefined when it cannot be read safely (git decides then). */
function readGitFile(file: string): string | undefined {
  try {
    return readBoundedText(file, { maxBytes: MAX_GIT_FILE_BYTES }) ?? "";
  } catch {
    return undefined;
  }
}
