import { describe, expect, it } from "vitest";
import { withEntries } from "../src/store/gitignore.js";

const HEADER = "# handoff: agent session state files (local to each checkout)";

describe("where handoff's .gitignore entries go", () => {
  it("starts its block at the end of the file, a blank line after the user's lines", () => {
    expect(withEntries("", ["a*"])).toBe(`${HEADER}\na*\n`);
    expect(withEntries("node_modules/", ["a*"])).toBe(`node_modules/\n\n${HEADER}\na*\n`);
    expect(withEntries("node_modules/\n", ["a*", "b*"])).toBe(`node_modules/\n\n${HEADER}\na*\nb*\n`);
  });

  it("adds to its own block, not after lines the user wrote below it", () => {
    const text = `node_modules/\n\n${HEADER}\n.claude/.session-state.json*\n\n# build output\ndist/\n`;
    expect(withEntries(text, [".opencode/.session-state.json*"])).toBe(
      `node_modules/\n\n${HEADER}\n.claude/.session-state.json*\n.opencode/.session-state.json*\n\n# build output\ndist/\n`,
    );
  });

  it("keeps the file's CRLF line endings, and ends a block at the end of the file with one", () => {
    expect(withEntries(`dist/\r\n\r\n${HEADER}\r\na*`, ["b*"])).toBe(`dist/\r\n\r\n${HEADER}\r\na*\r\nb*\r\n`);
    expect(withEntries("dist/\r\n", ["a*"])).toBe(`dist/\r\n\r\n${HEADER}\r\na*\r\n`);
  });
});
