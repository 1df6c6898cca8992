import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { loadConfig } from "../../src/config/load.js";
import { isHandoffError } from "../../src/errors.js";
import { compileRules } from "../../src/rules/compile.js";
import { ruleSchema, type Rule } from "../../src/schema/rule.js";
import { layout, preferConst, tokens } from "./example-rules.js";

afterAll(cleanupTempDirs);

/** Writes a config with these rules and returns loadConfig's error message (or fails the test). */
function configError(rules: unknown[], extra: Record<string, unknown> = {}): string {
  const root = makeTempDir();
  writeFileSync(path.join(root, "handoff.config.json"), JSON.stringify({ rules, ...extra }));
  try {
    loadConfig(root);
  } catch (error) {
    expect(isHandoffError(error, "E_CONFIG_INVALID")).toBe(true);
    return (error as Error).message;
  }
  throw new Error("loadConfig accepted an invalid config");
}

describe("rule config errors name the rule, the field and the problem", () => {
  it("loads the issue's example config as it is", () => {
    const root = makeTempDir();
    const config = {
      rules: [tokens, layout, preferConst],
      checks: { typescript: "pnpm run typecheck", eslint: "pnpm run lint", tests: "pnpm test" },
      prePush: "warn",
    };
    writeFileSync(path.join(root, "handoff.config.json"), JSON.stringify(config));
    expect(loadConfig(root).rules).toHaveLength(3);
  });

  it("a regular expression that does not compile", () => {
    const message = configError([tokens, { ...layout, require: "(PageLayout" }]);
    expect(message).toContain('rules[1] (page-layout).require: "(PageLayout" is not a valid regular expression (Unterminated group)');
    expect(message).toContain("handoff.config.json");
  });

  it("a forbid pattern whose flags make it invalid", () => {
    const message = configError([{ ...tokens, forbid: "\\p{L", flags: "u" }]);
    expect(message).toMatch(/rules\[0\] \(design-tokens\)\.forbid: .* is not a valid regular expression/);
  });

  it("flags that are not allowed", () => {
    expect(configError([{ ...tokens, flags: "g" }])).toContain("rules[0] (design-tokens).flags: only the regular expression flags i, m, s, u and v are allowed");
  });

  it("an invalid glob", () => {
    const message = configError([{ ...tokens, files: ["app/**/*.{ts", "lib/*.ts"] }]);
    expect(message).toContain('rules[0] (design-tokens).files: "app/**/*.{ts" is not a valid glob');
  });

  it("a glob outside the repository", () => {
    expect(configError([{ ...layout, files: "/app/**/page.tsx" }])).toContain(
      'rules[0] (page-layout).files: "/app/**/page.tsx" must be relative to the repository root',
    );
    expect(configError([{ ...layout, files: "../other/**" }])).toContain('points outside the repository ("..")');
  });

  it("a files list with only exclusions", () => {
    expect(configError([{ ...layout, files: ["!app/legacy/**"] }])).toContain("rules[0] (page-layout).files: has only exclusions");
  });

  it("both forbid and require, or neither", () => {
    expect(configError([{ ...layout, forbid: "x" }])).toContain('rules[0] (page-layout): needs exactly one of "forbid"');
    const { require: _require, ...neither } = layout;
    expect(configError([neither])).toContain('rules[0] (page-layout): needs exactly one of "forbid"');
  });

  it("duplicate rule ids", () => {
    expect(configError([tokens, layout, tokens])).toContain("rules[2] (design-tokens).id: is also the id of rules[0]");
  });

  it("shape errors still name the field", () => {
    expect(configError([{ ...tokens, severity: "STRICTISH" }])).toContain("rules[0] (design-tokens).severity");
    expect(configError([{ ...tokens, id: "design tokens" }])).toContain("rules[0] (design tokens).id: rule ids are letters");
    expect(configError([tokens], { prePush: "stop" })).toContain("prePush");
  });

  it("checks may be set one at a time, or turned off", () => {
    const root = makeTempDir();
    writeFileSync(path.join(root, "handoff.config.json"), JSON.stringify({ checks: { tests: false, eslint: "eslint ." } }));
    expect(loadConfig(root).checks).toEqual({ tests: false, eslint: "eslint ." });
    expect(configError([], { checks: { mypy: "mypy ." } })).toContain("checks");
  });

  it("compileRules gives the same error for rules that did not come through loadConfig", () => {
    const bad = { ...layout, require: "[" } as Rule;
    expect(() => compileRules([bad])).toThrowError(/rules\[0\] \(page-layout\)\.require: "\[" is not a valid regular expression/);
  });

  it("ruleSchema on its own checks the patterns too", () => {
    const result = ruleSchema.safeParse({ ...tokens, forbid: "(" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["forbid"]);
  });
});
