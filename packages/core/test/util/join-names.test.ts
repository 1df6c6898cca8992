import path from "node:path";
import { describe, expect, it } from "vitest";
import { joinNames } from "../../src/util/paths.js";

const FOLDERS = ["/", "/repo", "/home/me/a long project/app", "/repo/", "/repo/../other", "/repo//x", "/repo/./x", "relative/folder", "", "."];
const NAMES = [[], ["a"], [".claude", ".session-state.json"], ["..", "x"], [".", "x"], ["", "x"], ["a/b"], ["a\\b"], ["x", ".."], ["ünï", "Code - Insiders"]];

describe("joinNames", () => {
  it("gives what path.join gives, for every folder and names, twice over (the second time from what it remembered)", () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const folder of FOLDERS) {
        for (const names of NAMES) expect(joinNames(folder, ...names), `${folder} + ${JSON.stringify(names)}`).toBe(path.join(folder, ...names));
      }
    }
  });

  it("joins onto what it made before", () => {
    const handoff = joinNames("/repo/.git", "handoff");
    expect(joinNames(handoff, "hooks.log")).toBe(path.join("/repo/.git/handoff/hooks.log"));
    expect(joinNames(joinNames("/repo", "..", "x"), "y")).toBe("/x/y");
  });
});
