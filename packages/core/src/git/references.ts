/** Issue and pull-request references in branch names and commit subjects. */

export interface References {
  issues: string[];
  prs: string[];
}

const PULL_REQUEST = [/^Merge pull request #(\d+)\b/, /\(#(\d+)\)\s*$/];
const HASH_ISSUE = /(?:^|[^\w&])#(\d+)\b/g;
const GH_ISSUE = /\bgh-(\d+)\b/gi;
const TRACKER_KEY = /\b([A-Z][A-Z0-9]{1,9}-\d+)\b/g;
const BRANCH_NUMBER = /(?:^|[/_-])(?:issues?[-_/])?(\d+)(?=$|[-_/])/;

function addAll(into: Set<string>, text: string, pattern: RegExp, format: (match: string) => string): void {
  for (const match of text.matchAll(pattern)) into.add(format(match[1]!));
}

export function findReferences(branch: string | null, subjects: readonly string[]): References {
  const issues = new Set<string>();
  const prs = new Set<string>();
  if (branch) {
    addAll(issues, branch, GH_ISSUE, (n) => `#${n}`);
    addAll(issues, branch, TRACKER_KEY, (key) => key);
    const number = BRANCH_NUMBER.exec(branch);
    if (number && issues.size === 0) issues.add(`#${number[1]}`);
  }
  for (const subject of subjects) {
    const pr = PULL_REQUEST.map((pattern) => pattern.exec(subject)).find(Boolean);
    if (pr) prs.add(`#${pr[1]}`);
    const withoutPr = pr ? subject.replace(pr[0], "") : subject;
    addAll(issues, withoutPr, HASH_ISSUE, (n) => `#${n}`);
    addAll(issues, withoutPr, GH_ISSUE, (n) => `#${n}`);
    addAll(issues, withoutPr, TRACKER_KEY, (key) => key);
  }
  return { issues: [...issues], prs: [...prs] };
}
