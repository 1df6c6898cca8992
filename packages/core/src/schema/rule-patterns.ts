import picomatch from "picomatch";

/** Git paths are always `/`-separated; globs match dotfiles too (`**\/*.ts` includes `.github/x.ts`). */
export const GLOB_OPTIONS = { dot: true, windows: false } as const;

/** Flags a rule may add to its regular expressions; `g` and `y` would make matching stateful. */
export const RULE_FLAGS = /^[imsuv]*$/;

/** "Unterminated group" out of "Invalid regular expression: /(/: Unterminated group". */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const cut = text.lastIndexOf(": ");
  return cut === -1 ? text : text.slice(cut + 2);
}

/** Why `source` is not a usable regular expression, or undefined when it is. */
export function regexProblem(source: string, flags = ""): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return `${JSON.stringify(source)} is not a valid regular expression (${reason(error)})`;
  }
}

/** A file pattern: `!` in front makes it an exclusion. */
export function splitGlob(glob: string): { exclude: boolean; pattern: string } {
  return glob.startsWith("!") ? { exclude: true, pattern: glob.slice(1) } : { exclude: false, pattern: glob };
}

/** Why `glob` cannot select repository files, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  const { pattern } = splitGlob(glob);
  const quoted = JSON.stringify(glob);
  if (pattern === "") return `${quoted} has nothing after "!"`;
  if (pattern.startsWith("/") || /^[A-Za-z]:[\\/]/.test(pattern)) {
    return `${quoted} must be relative to the repository root (drop the leading "/")`;
  }
  if (pattern.split("/").includes("..")) return `${quoted} points outside the repository ("..")`;
  try {
    // picomatch turns a glob it cannot compile into a pattern that matches nothing, unless debug is on.
    picomatch.makeRe(pattern, { ...GLOB_OPTIONS, debug: true });
    return undefined;
  } catch (error) {
    return `${quoted} is not a valid glob (${reason(error)}: check its brackets, braces and parentheses)`;
  }
}
