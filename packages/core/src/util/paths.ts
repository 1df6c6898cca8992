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
