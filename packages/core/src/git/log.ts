import type { SimpleGit } from "simple-git";

export interface CommitSummary {
  hash: string;
  shortHash: string;
  subject: string;
}

const FIELD = "\x1f";

/** The last `count` commits reachable from HEAD, newest first. */
export async function recentCommits(git: SimpleGit, count: number): Promise<CommitSummary[]> {
  const output = await git.raw(["log", `-${count}`, "-z", `--format=%H${FIELD}%h${FIELD}%s`, "HEAD", "--"]);
  return output
    .split("\0")
    .filter((record) => record.length > 0)
    .map((record) => {
      const [hash = "", shortHash = "", subject = ""] = record.split(FIELD);
      return { hash, shortHash, subject };
    });
}
