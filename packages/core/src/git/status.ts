/** Parser of `git status --porcelain=v2 -z --branch`: one git call for the whole picture. */

export interface StatusSummary {
  /** Full commit id of HEAD, or null in a repository with no commits. */
  head: string | null;
  /** Branch name, or null on a detached HEAD. */
  branch: string | null;
  upstream: string | null;
  ahead: number;
  behind: number;
  staged: string[];
  /** Tracked files changed in the index or the work tree, other than added ones. */
  modified: string[];
  /** Files added to the index. */
  added: string[];
  /** Files changed in the work tree and not staged. */
  unstaged: string[];
  untracked: string[];
  conflicted: string[];
}

const FIELDS_BEFORE_PATH = { "1": 8, "2": 9, u: 10 } as const;

function pathAfterFields(record: string, count: number): string {
  let index = 0;
  for (let seen = 0; seen < count; seen++) index = record.indexOf(" ", index) + 1;
  return record.slice(index);
}

export function parseStatus(output: string): StatusSummary {
  const summary: StatusSummary = {
    head: null,
    branch: null,
    upstream: null,
    ahead: 0,
    behind: 0,
    staged: [],
    modified: [],
    added: [],
    unstaged: [],
    untracked: [],
    conflicted: [],
  };
  const records = output.split("\0");
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.length === 0) continue;
    const kind = record[0];
    if (kind === "#") {
      const [, key, ...rest] = record.split(" ");
      const value = rest.join(" ");
      if (key === "branch.oid") summary.head = value === "(initial)" ? null : value;
      else if (key === "branch.head") summary.branch = value === "(detached)" ? null : value;
      else if (key === "branch.upstream") summary.upstream = value;
      else if (key === "branch.ab") {
        const match = /^\+(\d+) -(\d+)$/.exec(value);
        if (match) [summary.ahead, summary.behind] = [Number(match[1]), Number(match[2])];
      }
    } else if (kind === "?") {
      summary.untracked.push(record.slice(2));
    } else if (kind === "u") {
      summary.conflicted.push(pathAfterFields(record, FIELDS_BEFORE_PATH.u));
    } else if (kind === "1" || kind === "2") {
      const file = pathAfterFields(record, FIELDS_BEFORE_PATH[kind]);
      if (kind === "2") i++; // the original path of a rename or copy follows in its own record
      const [x, y] = [record[2], record[3]];
      if (x !== ".") summary.staged.push(file);
      if (y !== ".") summary.unstaged.push(file);
      if (x === "A") summary.added.push(file);
      else summary.modified.push(file);
    }
  }
  return summary;
}
