import { describe, expect, it } from "vitest";
import { checkFiles } from "../../src/rules/check-files.js";
import { compileRules } from "../../src/rules/compile.js";
import { compilePattern } from "../../src/rules/matcher.js";
import { ruleShapeSchema } from "../../src/schema/rule.js";

const LINES = ["const x = 1; // TODO later", "console.log('x')", "className=\"text-gray-600 p-4\"", "AKIA1234567890ABCDEF", "Ünïcödé ß", "", "aaa"];

describe("compilePattern: linear time where RE2 can express the pattern", () => {
  it.each([
    ["TODO", ""],
    ["console\\.log\\(", ""],
    ["text-(gray|slate)-\\d{3}", ""],
    ["\\bAKIA[0-9A-Z]{16}\\b", ""],
    ["^\\s*$", ""],
    ["todo", "i"],
    ["(?<word>\\w+)=", ""],
    ["ß", "u"],
    ["a*", ""],
  ])("%s (flags %s) runs on re2js and finds what JavaScript finds", (source, flags) => {
    const matcher = compilePattern(source, flags);
    expect(matcher.engine).toBe("linear");
    const native = new RegExp(source, flags);
    for (const line of LINES) expect(matcher.test(line), line).toBe(native.test(line));
  });

  it.each([
    ["(?=x)a", ""],
    ["(a)\\1", ""],
    ["(?<!x)a", ""],
    ["\\p{L}", ""],
    ["[\\p{L}--[a-z]]", "v"],
  ])("%s (flags %s) stays with JavaScript's engine, under a budget", (source, flags) => {
    expect(compilePattern(source, flags).engine).toBe("backtracking");
  });

  it("reads CRLF line ends as JavaScript does for a require pattern that spans lines", () => {
    const text = "import a;\r\nimport b;\r\n";
    for (const [source, flags] of [["^import b;$", "m"], ["a;.import", "s"], ["a;\\r\\nimport", ""]] as const) {
      const matcher = compilePattern(source, flags);
      expect(matcher.engine).toBe("linear");
      expect(matcher.found(text), source).toBe(new RegExp(source, flags).test(text));
    }
  });

  it("lists distinct non-empty matches on a line, as many as asked", () => {
    expect(compilePattern("a+|b").matchesIn("aa b aa b c a", 5)).toEqual(["aa", "b", "a"]);
    expect(compilePattern("x*").matchesIn("abc", 5)).toEqual([]);
    expect(compilePattern("\\d").matchesIn("1 2 3 4", 2)).toEqual(["1", "2"]);
  });

  it("a rule whose backtracking pattern runs out of time is reported unchecked and skipped for the other files", () => {
    const rules = compileRules([
      ruleShapeSchema.parse({ id: "slow", severity: "FLEXIBLE", files: "**", forbid: "^(?=a)(a+)+$", message: "slow" }),
      ruleShapeSchema.parse({ id: "todo", severity: "STRICT", files: "**", forbid: "TODO", message: "todo" }),
    ]);
    const hostile = `${"a".repeat(40)}b\n`;
    const report = checkFiles(rules, [
      { path: "a.txt", content: hostile },
      { path: "b.txt", content: `${hostile}TODO\n` },
    ]);
    expect(report.unchecked).toEqual([{ rule: "slow", severity: "FLEXIBLE", file: "a.txt" }]);
    expect(report.violations.map((violation) => `${violation.file}:${violation.line} ${violation.rule}`)).toEqual(["b.txt:2 todo"]);
  });
});
