import { describe, expect, it } from "vitest";
import { checkFiles, MAX_RULE_FILE_BYTES, violationMessage } from "../../src/rules/check-files.js";
import { compileRules } from "../../src/rules/compile.js";
import { layout, preferConst, tokens } from "./example-rules.js";

const rules = compileRules([tokens, layout, preferConst]);

describe("checkFiles", () => {
  it("reports each forbidden line, 1-based, with what matched", () => {
    const report = checkFiles(rules, [
      { path: "app/components/Header.tsx", content: 'export function Header() {\n  return <header className="px-8" />;\n}\n' },
    ]);
    expect(report.violations).toEqual([
      {
        file: "app/components/Header.tsx",
        line: 2,
        rule: "design-tokens",
        severity: "STRICT",
        message: "hardcoded design value: px-8",
        fix: "use tokens from @/design-system/tokens",
        match: "px-8",
      },
    ]);
    expect(report.checkedFiles).toBe(1);
  });

  it("lists every distinct match on a line once, and every matching line", () => {
    const content = 'a\n<div className="px-8 bg-blue-500 px-8" />\n<p className="text-gray-600" />\n';
    const report = checkFiles(rules, [{ path: "app/page.tsx", content: `import { PageLayout } from "x";\n${content}` }]);
    expect(report.violations.map((v) => [v.line, v.match])).toEqual([
      [3, "px-8, bg-blue-500"],
      [4, "text-gray-600"],
    ]);
  });

  it("reports a missing required pattern once, on line 1, whatever the file's length", () => {
    const report = checkFiles(rules, [
      { path: "app/new-page/page.tsx", content: "export default function Page() {\n  return <main />;\n}\n" },
      { path: "app/page.tsx", content: "import { PageLayout } from '@/layout';\n" },
      { path: "app/empty/page.tsx", content: "" },
    ]);
    expect(report.violations).toEqual([
      { file: "app/empty/page.tsx", line: 1, rule: "page-layout", severity: "STRICT", message: "PageLayout missing" },
      { file: "app/new-page/page.tsx", line: 1, rule: "page-layout", severity: "STRICT", message: "PageLayout missing" },
    ]);
  });

  it("a required pattern may span lines", () => {
    const [multiline] = compileRules([{ ...layout, require: "<PageLayout>[\\s\\S]*</PageLayout>" }]);
    const ok = checkFiles([multiline!], [{ path: "app/page.tsx", content: "<PageLayout>\n  hi\n</PageLayout>\n" }]);
    expect(ok.violations).toEqual([]);
  });

  it("only looks at files the globs select, honouring exclusions and dotfiles", () => {
    const [scoped] = compileRules([{ ...preferConst, files: ["**/*.ts", "!**/*.test.ts", "!legacy/**"] }]);
    const report = checkFiles([scoped!], [
      { path: "lib/a.ts", content: "let a = 1;\n" },
      { path: "lib/a.test.ts", content: "let a = 1;\n" },
      { path: "legacy/old.ts", content: "let a = 1;\n" },
      { path: ".github/scripts/x.ts", content: "let a = 1;\n" },
      { path: "lib/a.js", content: "let a = 1;\n" },
    ]);
    expect(report.violations.map((v) => v.file)).toEqual([".github/scripts/x.ts", "lib/a.ts"]);
    expect(report.checkedFiles).toBe(2);
  });

  it("handles CRLF line endings and a byte-order mark", () => {
    const [endOfLine] = compileRules([{ ...preferConst, forbid: "let$" }]);
    const report = checkFiles([endOfLine!], [{ path: "a.ts", content: Buffer.from("\uFEFFconst a = 1;\r\nlet\r\n", "utf8") }]);
    expect(report.violations.map((v) => v.line)).toEqual([2]);
  });

  it("honours the rule's flags", () => {
    const [caseless] = compileRules([{ ...tokens, forbid: "PX-8", flags: "i" }]);
    expect(checkFiles([caseless!], [{ path: "app/a.tsx", content: "px-8\n" }]).violations).toHaveLength(1);
  });

  it("skips binary files and files over the size limit", () => {
    const binary = Buffer.concat([Buffer.from("let x"), Buffer.from([0, 1, 2])]);
    const large = `let x = 1;\n${"// padding\n".repeat(MAX_RULE_FILE_BYTES / 10)}`;
    const report = checkFiles(rules, [
      { path: "lib/image.ts", content: binary },
      { path: "lib/big.ts", content: large },
      { path: "lib/small.ts", content: "let y;\n" },
    ]);
    expect(report.violations.map((v) => v.file)).toEqual(["lib/small.ts"]);
    expect(report.skipped).toEqual([
      { path: "lib/image.ts", reason: "binary", size: binary.length },
      { path: "lib/big.ts", reason: "too-large", size: Buffer.byteLength(large) },
    ]);
    expect(checkFiles(rules, [{ path: "lib/big.ts", content: large }], { maxBytes: 2 * MAX_RULE_FILE_BYTES }).violations).toHaveLength(1);
  });

  it("sorts by file, then line, keeping rule order on one line", () => {
    const [a, b] = compileRules([
      { id: "a", severity: "FLEXIBLE", files: "*.ts", forbid: "x", message: "a" },
      { id: "b", severity: "STRICT", files: "*.ts", forbid: "x", message: "b" },
    ]);
    const report = checkFiles([a!, b!], [
      { path: "z.ts", content: "x\n" },
      { path: "m.ts", content: "\nx\nx\n" },
    ]);
    expect(report.violations.map((v) => `${v.file}:${v.line}:${v.rule}`)).toEqual(["m.ts:2:a", "m.ts:2:b", "m.ts:3:a", "m.ts:3:b", "z.ts:1:a", "z.ts:1:b"]);
  });

  it("does not loop on patterns that can match the empty string", () => {
    const [empty] = compileRules([{ ...preferConst, forbid: "(let)?" }]);
    const report = checkFiles([empty!], [{ path: "a.ts", content: "const a;\nlet b;\n" }]);
    expect(report.violations.map((v) => [v.line, v.match])).toEqual([
      [1, undefined],
      [2, "let"],
    ]);
  });
});

describe("violationMessage", () => {
  it("puts the match where {match} is, or after the message unless it already says it", () => {
    expect(violationMessage("hardcoded {match}", "px-8")).toBe("hardcoded px-8");
    expect(violationMessage("hardcoded design value", "px-8")).toBe("hardcoded design value: px-8");
    expect(violationMessage("no console.log", "console.log")).toBe("no console.log");
    expect(violationMessage("prefer const", undefined)).toBe("prefer const");
  });

  it("a require rule's {match} names the missing pattern", () => {
    const [missing] = compileRules([{ ...layout, message: "{match} missing" }]);
    expect(checkFiles([missing!], [{ path: "app/page.tsx", content: "" }]).violations[0]?.message).toBe("PageLayout missing");
  });
});
