export interface CommitSummary {
  hash: string;
  shortHash: string;
  subject: string;
}

const FIELD = "\x1f";

/** `git log` arguments for the last `count` commits reachable from HEAD, newest first, as `parseLog` reads them. */
export function logArgs(count: number): string[] {
  return ["log", `-${count}`, "-z", `--format=%H${FIELD}%h${FIELD}%s`, "HEAD", "--"];
}

export function parseLog(output: string): CommitSummary[] {
  return output
    .split("\0")
    .filter((record) => record.length > 0)
    .map((record) => {
      const [hash = "", shortHash = "", subject = ""] = record.split(FIELD);
      return { hash, shortHash, subject };
    });
}
