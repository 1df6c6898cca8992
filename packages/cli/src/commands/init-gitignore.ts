import { ensureIgnored, gitClient } from "@handoff/core";

interface IgnoreMatch {
  source: string;
  pattern: string;
  path: string;
}

function parseCheckIgnore(output: string): IgnoreMatch[] {
  const fields = output.split("\0");
  const matches: IgnoreMatch[] = [];
  for (let index = 0; index + 3 < fields.length; index += 4) {
    matches.push({ source: fields[index]!, pattern: fields[index + 2]!, path: fields[index + 3]! });
  }
  return matches;
}

/**
 * The files a .gitignore of this repository already ignores. Rules from the user's own global
 * excludes or `.git/info/exclude` do not count: they do not travel with the repository.
 */
async function ignoredByRepository(root: string, files: readonly string[]): Promise<Set<string>> {
  let output = "";
  try {
    output = await gitClient(root).raw(["check-ignore", "--no-index", "-v", "-z", "--", ...files]);
  } catch {
    return new Set(); // exit code 1: none of them is ignored
  }
  const shared = (match: IgnoreMatch) =>
    !match.pattern.startsWith("!") && !match.source.startsWith("/") && !match.source.startsWith(".git/") && match.source !== "";
  return new Set(parseCheckIgnore(output).filter(shared).map((match) => match.path));
}

/** Appends the state files that no .gitignore of the repository ignores yet; returns those added. */
export async function ignoreStateFiles(root: string, files: readonly string[]): Promise<string[]> {
  const unique = [...new Set(files)];
  const ignored = await ignoredByRepository(root, unique);
  return ensureIgnored(
    root,
    unique.filter((file) => !ignored.has(file)),
  );
}
