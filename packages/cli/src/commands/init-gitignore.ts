import { spawnSync } from "node:child_process";
import { ensureIgnored, gitEnvironment } from "@handoff/core";

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
function ignoredByRepository(root: string, files: readonly string[]): Set<string> {
  const result = spawnSync("git", ["check-ignore", "--no-index", "--verbose", "-z", "--stdin"], {
    cwd: root,
    env: gitEnvironment(),
    input: files.join("\0"),
    encoding: "utf8",
  });
  // Exit code 1 means that none of them is ignored; anything else but 0 is an error we can live with.
  if (result.status !== 0) return new Set();
  const shared = (match: IgnoreMatch) =>
    !match.pattern.startsWith("!") && !match.source.startsWith("/") && !match.source.startsWith(".git/") && match.source !== "";
  return new Set(parseCheckIgnore(result.stdout).filter(shared).map((match) => match.path));
}

/** Appends the state files that no .gitignore of the repository ignores yet; returns those added. */
export function ignoreStateFiles(root: string, files: readonly string[]): Promise<string[]> {
  const unique = [...new Set(files)];
  const ignored = ignoredByRepository(root, unique);
  return ensureIgnored(
    root,
    unique.filter((file) => !ignored.has(file)),
  );
}
