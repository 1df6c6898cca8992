import { gitOutput, splitNul } from "@handoff/core/internal";

/** Which of the given repo-relative files git tracks (one `git ls-files` for all of them). */
export async function trackedAmong(root: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const pathspecs = files.map((file) => `:(literal)${file}`);
  return new Set(splitNul(await gitOutput(root, ["ls-files", "-z", "--", ...pathspecs])));
}
