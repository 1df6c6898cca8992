import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { RepoPaths } from "./repo.js";

/**
 * The repository around `cwd` and its HEAD, read from the files git keeps, without starting git:
 * a fresh `handoff restore` then needs no git process at all. It answers only for the plain
 * layouts it fully understands (a `.git` folder, or a `.git` file of a worktree or submodule, with
 * loose or packed refs) and returns undefined for anything else, where `git rev-parse` decides.
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
    if (found) return insideGitDir(start, found.gitDir) ? undefined : withHead(dir, found);
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
  const pointer = /^gitdir: (.+)$/m.exec(readOrEmpty(dotGit));
  if (!pointer) return "unknown";
  const gitDir = path.resolve(dir, pointer[1]!.trim());
  const common = readOrEmpty(path.join(gitDir, "commondir")).trim();
  return { gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
}

function insideGitDir(cwd: string, gitDir: string): boolean {
  const relative = path.relative(gitDir, cwd);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function withHead(root: string, dirs: GitDirs): RepoPaths | undefined {
  // A reftable repository, or a work tree set elsewhere in config, is for git to read.
  if (existsSync(path.join(dirs.commonDir, "reftable"))) return undefined;
  if (/^\s*worktree\s*=/m.test(readOrEmpty(path.join(dirs.commonDir, "config")))) return undefined;
  const head = resolveHead(dirs);
  return head === undefined ? undefined : { root, gitDir: dirs.gitDir, head };
}

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** HEAD's commit id; null for a branch with no commits yet; undefined when unsure. */
function resolveHead(dirs: GitDirs): string | null | undefined {
  let content = readOrEmpty(path.join(dirs.gitDir, "HEAD")).trim();
  for (let depth = 0; depth < 5; depth++) {
    if (OBJECT_ID.test(content)) return content;
    const ref = /^ref: (refs\/\S+)$/.exec(content)?.[1];
    if (!ref) return undefined;
    const loose = readOrEmpty(path.join(refFolder(dirs, ref), ref)).trim();
    if (loose) {
      content = loose;
      continue;
    }
    const packed = packedRef(dirs.commonDir, ref);
    return packed === undefined ? null : packed;
  }
  return undefined;
}

/** Per-worktree refs (bisect, rewritten) live in the worktree's own git dir; branches in the common one. */
function refFolder(dirs: GitDirs, ref: string): string {
  return ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/") || ref.startsWith("refs/remotes/")
    ? dirs.commonDir
    : dirs.gitDir;
}

function packedRef(commonDir: string, ref: string): string | undefined {
  for (const line of readOrEmpty(path.join(commonDir, "packed-refs")).split("\n")) {
    const [id, name] = line.trim().split(" ");
    if (name === ref && id && OBJECT_ID.test(id)) return id;
  }
  return undefined;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
