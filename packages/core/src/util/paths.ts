import path from "node:path";

/**
 * `target` relative to `folder` (with the platform's separators) when it is the folder itself ("")
 * or lies inside it; undefined when it lies outside. A child named `..foo` is inside: only a first
 * part that is exactly `..` leads out.
 */
export function relativeInside(folder: string, target: string): string | undefined {
  const relative = path.relative(folder, target);
  if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative;
}

/** Whether `target` is `folder` itself or lies inside it (paths compared as written, not resolved through symlinks). */
export function isPathInside(folder: string, target: string): boolean {
  return relativeInside(folder, target) !== undefined;
}

/** Absolute paths path.normalize leaves as they are: the folders seen, and what joinNames made of them. */
const normalized = new Set<string>();
const MAX_REMEMBERED = 64;

function remember(normalizedPath: string): string {
  if (normalized.size >= MAX_REMEMBERED) normalized.clear();
  normalized.add(normalizedPath);
  return normalizedPath;
}

function isNormalizedFolder(folder: string): boolean {
  if (normalized.has(folder)) return true;
  if (!path.isAbsolute(folder) || path.normalize(folder) !== folder) return false;
  remember(folder);
  return true;
}

const isPlainName = (name: string) => name !== "" && name !== "." && name !== ".." && !name.includes("/") && !name.includes(path.sep);

/**
 * `path.join(folder, ...names)`, joined by hand when that is exactly what path.join would give: a
 * folder already normalized, and names that are plain file names. Each path.join normalizes the
 * whole path again, and a command that joins a few dozen paths (every agent's state file, handoff's
 * files in the git directory) has V8 optimize path.normalize before the command ends, about 1.5 to
 * 4 ms of a start that is otherwise 5 (bench/README.md, "path.normalize in short commands").
 */
export function joinNames(folder: string, ...names: string[]): string {
  if (names.length === 0 || !isNormalizedFolder(folder) || !names.every(isPlainName)) return path.join(folder, ...names);
  return remember(folder.endsWith(path.sep) ? folder + names.join(path.sep) : `${folder}${path.sep}${names.join(path.sep)}`);
}
