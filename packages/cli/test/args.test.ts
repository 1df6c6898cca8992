import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS, parseCommandArgs, type OptionTable } from "../src/args.js";

const TABLE: OptionTable = {
  json: { type: "boolean", description: "json" },
  task: { type: "string", short: "t", value: "text", description: "task" },
  file: { type: "string", multiple: true, value: "path", description: "files" },
};

/** What node:util's parseArgs makes of `args` with the same table. */
function byParseArgs(args: string[]) {
  const options = Object.fromEntries(
    Object.entries({ ...GLOBAL_OPTIONS, ...TABLE }).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple === true, ...(spec.short ? { short: spec.short } : {}) }]),
  );
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  return { values: { ...values }, positionals };
}

describe("parseCommandArgs", () => {
  it("gives arguments with no option among them exactly what parseArgs gives", () => {
    for (const args of [[], ["claude"], ["claude", "codex"], ["a b", "ünïcode", ""], ["x=-1", "path/with-dash"]]) {
      const parsed = parseCommandArgs(args, TABLE);
      expect({ values: { ...parsed.values }, positionals: parsed.positionals }).toEqual(byParseArgs(args));
      expect(parsed.positionals).not.toBe(args);
    }
  });

  it("leaves anything that starts with a dash to parseArgs", () => {
    for (const args of [["claude", "--json"], ["-t", "fix it", "claude"], ["--file", "a", "--file", "b"], ["--", "-x"], ["-"]]) {
      const parsed = parseCommandArgs(args, TABLE);
      expect({ values: { ...parsed.values }, positionals: parsed.positionals }).toEqual(byParseArgs(args));
    }
    expect(() => parseCommandArgs(["claude", "--nope"], TABLE)).toThrow(/--nope/);
  });
});
