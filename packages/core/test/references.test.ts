import { describe, expect, it } from "vitest";
import { findReferences } from "../src/git/references.js";

describe("findReferences", () => {
  it("finds #N, gh-N and tracker keys in commit subjects", () => {
    const refs = findReferences("main", ["fix: login (#7 follow-up) closes #42", "feat: gh-9 cache", "PROJ-123 tidy up"]);
    expect(refs.issues).toEqual(expect.arrayContaining(["#7", "#42", "#9", "PROJ-123"]));
  });

  it("reads pull requests from merge and squash subjects, not as issues", () => {
    const refs = findReferences("main", ["Merge pull request #12 from a/b", "feat: thing (#34)"]);
    expect(refs.prs).toEqual(["#12", "#34"]);
    expect(refs.issues).toEqual([]);
  });

  it("reads an issue number from the branch name", () => {
    expect(findReferences("feat/42-nextauth", []).issues).toEqual(["#42"]);
    expect(findReferences("fix/gh-17", []).issues).toEqual(["#17"]);
    expect(findReferences("ABC-5-login", []).issues).toEqual(["ABC-5"]);
    expect(findReferences("release-v2.0", []).issues).toEqual([]);
  });

  it("handles a detached HEAD (no branch)", () => {
    expect(findReferences(null, [])).toEqual({ issues: [], prs: [] });
  });
});
