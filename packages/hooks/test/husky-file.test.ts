import { describe, expect, it } from "vitest";
import { CREATED_LINE, renderHuskyBlock } from "../src/hook-scripts.js";
import { hasHandoffBlock, withHandoffBlock, withoutHandoffBlock } from "../src/husky-file.js";

const block = renderHuskyBlock("post-commit");

describe("handoff's block in a husky hook file", () => {
  const existing = {
    "plain lines": "npx lint-staged\nnpm test\n",
    "a shebang": "#!/usr/bin/env sh\n. \"$(dirname -- \"$0\")/_/husky.sh\"\n\nnpx lint-staged\n",
    "no final newline": "echo one\necho two",
    "a shebang and nothing else, unterminated": "#!/bin/sh",
    "CRLF line ends": "echo one\r\necho two\r\n",
    "an empty file": "",
    "an exit at the end": "npm test\nexit 0\n",
  };

  for (const [name, content] of Object.entries(existing)) {
    it(`is added to and removed from a file with ${name}, leaving it byte for byte as it was`, () => {
      const added = withHandoffBlock(content, block);
      expect(hasHandoffBlock(added)).toBe(true);
      for (const line of content.split(/\r?\n/)) expect(added).toContain(line);
      expect(withoutHandoffBlock(added)).toEqual({ kind: "rewrite", content });
    });
  }

  it("goes after the #! line, before anything that could exit early", () => {
    const added = withHandoffBlock("#!/bin/sh\nnpm test\nexit 0\n", block);
    const lines = added.split("\n");
    expect(lines[0]).toBe("#!/bin/sh");
    expect(lines[1]).toBe(block[0]);
    expect(lines.indexOf("exit 0")).toBeGreaterThan(lines.indexOf(block.at(-1)!));
  });

  it("uses the file's own CRLF line ends", () => {
    const added = withHandoffBlock("echo one\r\n", block);
    expect(added.split("\r\n")).toContain(block[0]);
    expect(added.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("is updated in place, and adding it twice changes nothing", () => {
    const once = withHandoffBlock("npm test\n", block);
    expect(withHandoffBlock(once, block)).toBe(once);
    const outdated = once.replace(block[1]!, "echo an older handoff line");
    expect(withHandoffBlock(outdated, block)).toBe(once);
  });

  it("creates a file that says so, which removal deletes", () => {
    const created = withHandoffBlock(undefined, block);
    expect(created.split("\n")[0]).toBe(CREATED_LINE);
    expect(withoutHandoffBlock(created)).toEqual({ kind: "delete" });
  });

  it("keeps the lines a user added to a file handoff created", () => {
    const created = withHandoffBlock(undefined, block) + "echo mine\n";
    expect(withoutHandoffBlock(created)).toEqual({ kind: "rewrite", content: "echo mine\n" });
  });

  it("leaves a file without the block, or with a block missing its end line, alone", () => {
    expect(withoutHandoffBlock("npm test\n")).toEqual({ kind: "unchanged" });
    const broken = withHandoffBlock("npm test\n", block).replace(`${block.at(-1)}\n`, "");
    expect(withoutHandoffBlock(broken)).toEqual({ kind: "unchanged" });
  });
});
