import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { detectPackageManager } from "../../src/checks/package-manager.js";
import { planChecks } from "../../src/checks/plan-checks.js";
import { runCheck, runChecks, skippedChecks } from "../../src/checks/run-check.js";
import { buildValidation, MAX_RECORDED_VIOLATIONS, validationFailed } from "../../src/checks/validation-result.js";
import type { Violation } from "../../src/schema/session-state.js";

afterAll(cleanupTempDirs);

function project(files: Record<string, string>): string {
  const root = makeTempDir();
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(root, file), content);
  return root;
}

const packageJson = (scripts: Record<string, string>, extra: Record<string, unknown> = {}) => JSON.stringify({ name: "x", scripts, ...extra });

describe("detectPackageManager", () => {
  it("reads the packageManager field first, then the lockfile, else npm", () => {
    expect(detectPackageManager(project({ "pnpm-lock.yaml": "" }), "yarn@4.1.0")).toBe("yarn");
    expect(detectPackageManager(project({ "pnpm-lock.yaml": "" }))).toBe("pnpm");
    expect(detectPackageManager(project({ "yarn.lock": "" }))).toBe("yarn");
    expect(detectPackageManager(project({ "bun.lock": "" }))).toBe("bun");
    expect(detectPackageManager(project({ "package-lock.json": "{}" }))).toBe("npm");
    expect(detectPackageManager(project({}))).toBe("npm");
  });
});

describe("planChecks", () => {
  it("defaults to the package.json scripts that exist, run with the repository's package manager", () => {
    const root = project({
      "package.json": packageJson({ "type-check": "tsc", typecheck: "tsc -b", lint: "eslint .", "test:run": "vitest run", test: "vitest" }),
      "pnpm-lock.yaml": "",
    });
    expect(planChecks(root, {}).map((check) => [check.name, check.command])).toEqual([
      ["typescript", "pnpm run type-check"],
      ["eslint", "pnpm run lint"],
      ["tests", "pnpm run test:run"],
    ]);
  });

  it("falls back to the second script name, and skips npm init's placeholder test script", () => {
    const root = project({ "package.json": packageJson({ typecheck: "tsc", test: 'echo "Error: no test specified" && exit 1' }) });
    const plans = planChecks(root, {});
    expect(plans.map((check) => check.command)).toEqual(["npm run typecheck", undefined, undefined]);
    expect(plans[1]?.reason).toBe('no "lint" script in package.json; set "checks.eslint" in handoff.config.json to run one');
  });

  it("config commands win, and false turns a check off", () => {
    const root = project({ "package.json": packageJson({ lint: "eslint .", test: "vitest" }) });
    const plans = planChecks(root, { checks: { typescript: "tsc --noEmit", tests: false } });
    expect(plans.map((check) => [check.command, check.origin, check.reason])).toEqual([
      ["tsc --noEmit", "config", undefined],
      ["npm run lint", "package.json", undefined],
      [undefined, undefined, "turned off in handoff.config.json"],
    ]);
  });

  it("says why when package.json is missing or broken", () => {
    expect(planChecks(project({}), {})[0]?.reason).toContain("no package.json at the repository root");
    expect(planChecks(project({ "package.json": "{ nope" }), {})[0]?.reason).toContain("package.json is not valid JSON");
  });
});

describe("runCheck: a real child process", () => {
  const node = JSON.stringify(process.execPath);

  it("passes on exit 0 and fails on anything else, keeping the end of the output", async () => {
    const root = project({});
    const pass = await runCheck(root, { name: "typescript", label: "TypeScript", command: `${node} -e "console.log('fine')"` });
    expect(pass).toMatchObject({ result: "pass", exitCode: 0, output: "fine" });
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\\n");
    const fail = await runCheck(
      root,
      { name: "tests", label: "Tests", command: `${node} -e "console.log('${lines}'); console.error('boom'); process.exit(3)"` },
      { tailLines: 5 },
    );
    expect(fail.result).toBe("fail");
    expect(fail.exitCode).toBe(3);
    expect(fail.output.split("\n")).toHaveLength(5);
    expect(fail.output).toContain("line 99");
  });

  it("runs in the repository root", async () => {
    const root = project({ "marker.txt": "here" });
    const check = await runCheck(root, { name: "eslint", label: "ESLint", command: `${node} -e "require('fs').accessSync('marker.txt')"` });
    expect(check.result).toBe("pass");
  });

  it("a command that is not installed is not run, not failed", async () => {
    const check = await runCheck(project({}), { name: "eslint", label: "ESLint", command: "handoff-no-such-linter-xyz --fix" });
    expect(check).toMatchObject({ result: "not_run", reason: "command not found", exitCode: 127 });
  });

  it("a check without a command is not run, and says why", async () => {
    const check = await runCheck(project({}), { name: "tests", label: "Tests", reason: "no test script" });
    expect(check).toEqual({ name: "tests", label: "Tests", result: "not_run", reason: "no test script", output: "" });
  });

  it("runs a real package.json script through npm", async () => {
    const root = project({
      "package.json": packageJson({ lint: 'node -e "process.exit(0)"', test: 'node -e "process.exit(1)"' }),
      "package-lock.json": "{}",
    });
    const outcomes = await runChecks(root, planChecks(root, {}));
    expect(outcomes.map((check) => [check.name, check.result])).toEqual([
      ["typescript", "not_run"],
      ["eslint", "pass"],
      ["tests", "fail"],
    ]);
  });
});

describe("buildValidation", () => {
  const violation = (severity: "STRICT" | "FLEXIBLE", line = 1): Violation => ({ file: "a.ts", line, rule: "r", severity, message: "m" });
  const report = (violations: Violation[]) => ({ violations, checkedFiles: 1, skipped: [], unchecked: [] });
  const now = new Date("2026-01-05T12:30:00.000Z");

  it("records the checks, the STRICT verdict, the violations and when", async () => {
    const checks = await runChecks(project({}), [
      { name: "typescript", label: "TypeScript", command: `${JSON.stringify(process.execPath)} -e ""` },
      { name: "eslint", label: "ESLint", reason: "none" },
    ]);
    const validation = buildValidation({ checks, rules: report([violation("STRICT"), violation("FLEXIBLE", 2)]), strictRuleCount: 1, now });
    expect(validation).toEqual({
      typescript: "pass",
      eslint: "not_run",
      tests: "not_run",
      strict_rules: "fail",
      violations: [violation("STRICT"), violation("FLEXIBLE", 2)],
      checked_at: "2026-01-05T12:30:00Z",
    });
    expect(validationFailed(validation)).toBe(true);
  });

  it("strict_rules: pass when STRICT rules found nothing, pending when there are none to run", () => {
    const skipped = skippedChecks([{ name: "tests", label: "Tests", command: "vitest" }]);
    expect(skipped[0]).toMatchObject({ result: "not_run", reason: "skipped with --no-checks" });
    const passing = buildValidation({ checks: skipped, rules: report([violation("FLEXIBLE")]), strictRuleCount: 2, now });
    expect(passing.strict_rules).toBe("pass");
    expect(validationFailed(passing)).toBe(false);
    expect(buildValidation({ checks: [], rules: report([]), strictRuleCount: 0, now }).strict_rules).toBe("pending");
  });

  it("lists STRICT violations first and counts what is over the limit", () => {
    const many = [
      ...Array.from({ length: MAX_RECORDED_VIOLATIONS }, (_, i) => violation("FLEXIBLE", i + 1)),
      violation("STRICT", 9999),
    ];
    const validation = buildValidation({ checks: [], rules: report(many), strictRuleCount: 1, now });
    expect(validation.violations).toHaveLength(MAX_RECORDED_VIOLATIONS);
    expect(validation.violations?.[0]?.severity).toBe("STRICT");
    expect(validation.violations_omitted).toBe(1);
  });
});
