import { describe, expect, it } from "vitest";
import { parseStatus } from "../src/git/status.js";

const record = (...fields: string[]) => fields.join("\0") + "\0";

describe("parseStatus (porcelain v2 -z)", () => {
  it("reads the branch headers", () => {
    const summary = parseStatus(
      record("# branch.oid 1234567890abcdef", "# branch.head feat/x", "# branch.upstream origin/feat/x", "# branch.ab +2 -3"),
    );
    expect(summary).toMatchObject({ head: "1234567890abcdef", branch: "feat/x", upstream: "origin/feat/x", ahead: 2, behind: 3 });
  });

  it("reports no commit and a detached HEAD as null", () => {
    const summary = parseStatus(record("# branch.oid (initial)", "# branch.head (detached)"));
    expect(summary.head).toBeNull();
    expect(summary.branch).toBeNull();
  });

  it("sorts entries into staged, unstaged, added, modified, untracked and conflicted", () => {
    const summary = parseStatus(
      record(
        "# branch.oid abc",
        "# branch.head main",
        "1 M. N... 100644 100644 100644 aaa bbb staged only.ts",
        "1 .M N... 100644 100644 100644 aaa bbb lib/unstaged.ts",
        "1 A. N... 000000 100644 100644 000 bbb new file.ts",
        "2 R. N... 100644 100644 100644 aaa bbb R100 renamed.ts",
        "old name.ts",
        "u UU N... 100644 100644 100644 100644 a b c both.ts",
        "? untracked dir/file.txt",
      ),
    );
    expect(summary.staged).toEqual(["staged only.ts", "new file.ts", "renamed.ts"]);
    expect(summary.unstaged).toEqual(["lib/unstaged.ts"]);
    expect(summary.added).toEqual(["new file.ts"]);
    expect(summary.modified).toEqual(["staged only.ts", "lib/unstaged.ts", "renamed.ts"]);
    expect(summary.conflicted).toEqual(["both.ts"]);
    expect(summary.untracked).toEqual(["untracked dir/file.txt"]);
  });

  it("keeps spaces, quotes and newlines in paths intact", () => {
    const name = 'odd "name"\nwith newline ü.ts';
    const summary = parseStatus(record("# branch.oid abc", `1 .M N... 100644 100644 100644 aaa bbb ${name}`, `? ${name}.bak`));
    expect(summary.unstaged).toEqual([name]);
    expect(summary.untracked).toEqual([`${name}.bak`]);
  });
});
