import { runGit } from "../git/run-git.js";

interface IgnoreMatch {
  source: string;
  pattern: string;
  path: string;
}

/** `git check-ignore --verbose -z`: `<source> NUL <line> NUL <pattern> NUL <path> NUL` per path. */
function parseCheckIgnore(output: string): IgnoreMatch[] {
  const fields = output.split("\0");
  const matches: IgnoreMatch[] = [];
  for (let index = 0; index + 3 < fields.length; index += 4) {
    matches.push({ source: fields[index]!, pattern: fields[index + 2]!, path: fields[index + 3]! });
  }
  return matches;
}

/** What handoff keeps beside a state file (a lock, a temporary file, a backup) must be ignored too. */
function companions(file: string): string[] {
  return [file, `${file}.lock`, `${file}.0.tmp`, `${file}.corrupt-0`];
}

/**
 * The state files that a .gitignore of this repository already ignores, together with what handoff
 * keeps beside them (a `.claude/` line covers them all): git answers, so every form of pattern
 * counts. Rules from the user's global excludes or `.git/info/exclude` do not: they do not travel
 * with the repository. When git cannot answer, none is taken as ignored.
 */
export async function ignoredByRepository(root: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const asked = files.flatMap(companions);
  const result = await runGit(root, ["check-ignore", "--no-index", "--verbose", "-z", "--stdin"], { input: asked.join("\0") });
  // Exit code 1: none of them is ignored; anything else but 0 is an error we can live with.
  if (result.code !== 0) return new Set();
  const shared = (match: IgnoreMatch) =>
    !match.pattern.startsWith("!") && match.source !== "" && !match.source.startsWith("/") && !match.source.startsWith(".git/");
  const ignored = new Set(parseCheckIgnore(result.stdout.toString("utf8")).filter(shared).map((match) => match.path));
  return new Set(files.filter((file) => companions(file).every((path) => ignored.has(path))));
}
