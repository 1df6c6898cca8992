import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, runHandoff, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const FIX = "use tokens from @/design-system/tokens";

/** The example config; `checks` and `message` can be swapped per test. */
function config(overrides: { message?: string; checks?: Record<string, string | false>; prePush?: string } = {}) {
  return JSON.stringify(
    {
      rules: [
        {
          id: "design-tokens",
          severity: "STRICT",
          files: "app/**/*.tsx",
          forbid: "\\b(px-8|bg-blue-500|text-gray-600)\\b",
          message: overrides.message ?? "hardcoded design value",
          fix: FIX,
        },
        { id: "page-layout", severity: "STRICT", files: "app/**/page.tsx", require: "PageLayout", message: "PageLayout missing" },
        { id: "prefer-const", severity: "FLEXIBLE", files: "**/*.ts", forbid: "\\blet\\b", message: "prefer const" },
      ],
      ...(overrides.checks ? { checks: overrides.checks } : {}),
      prePush: overrides.prePush ?? "warn",
    },
    null,
    2,
  );
}

const node = (code: string) => `node -e ${JSON.stringify(code)}`;

/** The spec's escalation scenario: three hardcoded design values, and a new page without PageLayout. */
function specRepo(options: { message?: string; scripts?: Record<string, string>; checks?: Record<string, string | false> } = {}): TestRepo {
  const repo = createRepo();
  repo.commit("feat: pages", {
    "handoff.config.json": config(options),
    "package.json": JSON.stringify({ name: "site", private: true, scripts: options.scripts ?? {} }),
    "package-lock.json": "{}\n",
    "app/components/Header.tsx": 'export function Header() {\n  return <header className="px-8">Site</header>;\n}\n',
    "app/components/Footer.tsx": 'export function Footer() {\n  return <footer className="bg-blue-500">©</footer>;\n}\n',
    "app/page.tsx":
      'import { PageLayout } from "@/components/PageLayout";\n\nexport default function Home() {\n  return <PageLayout><p className="text-gray-600">Hi</p></PageLayout>;\n}\n',
    "lib/format.ts": "export function format(x: string) {\n  let out = x.trim();\n  return out;\n}\n",
  });
  // The new page is staged, not committed: validate checks staged files as staged.
  repo.write({ "app/new-page/page.tsx": "export default function NewPage() {\n  return <main>New</main>;\n}\n" });
  repo.git("add", "app/new-page/page.tsx");
  return repo;
}

function readState(root: string, file: string) {
  return JSON.parse(readFileSync(path.join(root, file), "utf8"));
}

const SPEC_VIOLATIONS = [
  `app/components/Footer.tsx:2  STRICT  design-tokens  hardcoded design value: bg-blue-500  (${FIX})`,
  `app/components/Header.tsx:2  STRICT  design-tokens  hardcoded design value: px-8  (${FIX})`,
  "app/new-page/page.tsx:1  STRICT  page-layout  PageLayout missing",
  `app/page.tsx:4  STRICT  design-tokens  hardcoded design value: text-gray-600  (${FIX})`,
  "lib/format.ts:2  FLEXIBLE  prefer-const  prefer const: let",
];

describe("handoff validate", () => {
  it("finds the spec's three design-token violations and the missing PageLayout, and records them", () => {
    const repo = specRepo({ scripts: { typecheck: node("process.exit(0)"), lint: node("process.exit(0)") } });
    expect(runHandoff(repo.root, ["save", "opencode", "--provider", "groq_primary", "--task", "Design tokens"]).code).toBe(0);

    const result = runHandoff(repo.root, ["validate"]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines.filter((line) => / {2}(STRICT|FLEXIBLE) {2}/.test(line))).toEqual(SPEC_VIOLATIONS);
    expect(result.stdout).toContain("✅ TypeScript: pass (npm run typecheck)");
    expect(result.stdout).toContain("✅ ESLint: pass (npm run lint)");
    expect(result.stdout).toContain('⚠️  Tests: not run (no "test:run" or "test" script in package.json');
    expect(result.stdout).toContain("❌ STRICT rules: fail (4 violations)");
    expect(result.stdout).toContain("ℹ️  FLEXIBLE rules: 1 note");
    expect(result.stdout).toContain("📝 Recorded in .opencode/.session-state.json");

    const state = readState(repo.root, ".opencode/.session-state.json");
    expect(state.task.description).toBe("Design tokens");
    expect(state.provider).toBe("groq_primary");
    expect(state.validation).toMatchObject({ typescript: "pass", eslint: "pass", tests: "not_run", strict_rules: "fail" });
    expect(state.validation.checked_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(state.validation.violations).toEqual([
      { file: "app/components/Footer.tsx", line: 2, rule: "design-tokens", severity: "STRICT", message: "hardcoded design value: bg-blue-500", fix: FIX, match: "bg-blue-500" },
      { file: "app/components/Header.tsx", line: 2, rule: "design-tokens", severity: "STRICT", message: "hardcoded design value: px-8", fix: FIX, match: "px-8" },
      { file: "app/new-page/page.tsx", line: 1, rule: "page-layout", severity: "STRICT", message: "PageLayout missing" },
      { file: "app/page.tsx", line: 4, rule: "design-tokens", severity: "STRICT", message: "hardcoded design value: text-gray-600", fix: FIX, match: "text-gray-600" },
      { file: "lib/format.ts", line: 2, rule: "prefer-const", severity: "FLEXIBLE", message: "prefer const: let", match: "let" },
    ]);
  });

  it("writes the spec's escalation message after `switch --reason \"Escalation: ...\"`", () => {
    const repo = specRepo({ message: "hardcoded {match}" });
    runHandoff(repo.root, ["save", "opencode", "--provider", "groq_primary", "--task", "Design token compliance"]);
    expect(runHandoff(repo.root, ["validate", "--no-checks"]).code).toBe(1);
    const switched = runHandoff(repo.root, [
      "switch", "opencode", "claude", "--reason", "Escalation: 3+ STRICT violations after 2 auto-fix attempts",
    ]);
    expect(switched.code).toBe(0);
    expect(switched.stdout).toContain("❌ STRICT rules: fail (4 violations)");

    const prompt = runHandoff(repo.root, ["restore", "claude", "--prompt"]);
    expect(prompt.code).toBe(0);
    expect(prompt.stdout).toContain("Escalated from OpenCode (groq_primary) due to STRICT rule violations.");
    expect(prompt.stdout).toContain("Escalation: 3+ STRICT violations after 2 auto-fix attempts");
    expect(prompt.stdout).toContain("(4 violations)");
    const listed = prompt.stdout.split("\n").filter((line) => line.startsWith("- app/"));
    expect(listed).toEqual([
      "- app/components/Footer.tsx:2: hardcoded bg-blue-500 (design-tokens)",
      "- app/components/Header.tsx:2: hardcoded px-8 (design-tokens)",
      "- app/new-page/page.tsx:1: PageLayout missing (page-layout)",
      "- app/page.tsx:4: hardcoded text-gray-600 (design-tokens)",
    ]);
    expect(prompt.stdout).toContain(FIX);
    expect(prompt.stdout).not.toContain("prefer const"); // FLEXIBLE notes are not escalation issues
  });

  it("`save --reason` records the escalation in place, as the spec's step 3 does", () => {
    const repo = specRepo({ checks: { typescript: false, eslint: false, tests: false } });
    runHandoff(repo.root, ["validate", "--agent", "opencode"]);
    const saved = runHandoff(repo.root, ["save", "opencode", "--reason", "Escalation: 3+ STRICT violations after 2 auto-fix attempts"]);
    expect(saved.code).toBe(0);
    const state = readState(repo.root, ".opencode/.session-state.json");
    expect(state.handoff.reason).toBe("Escalation: 3+ STRICT violations after 2 auto-fix attempts");
    expect(state.validation.violations).toHaveLength(5); // a save keeps the recorded validation
    const prompt = runHandoff(repo.root, ["restore", "opencode", "--prompt"]).stdout;
    expect(prompt).toContain("due to STRICT rule violations.");
    expect(prompt).toContain("- app/components/Header.tsx:2: hardcoded design value: px-8 (design-tokens)");
  });

  it("exits 0 once the STRICT violations are fixed, FLEXIBLE notes or not", () => {
    const repo = specRepo({ checks: { typescript: false, eslint: false, tests: false } });
    repo.commit("fix: tokens", {
      "app/components/Header.tsx": 'export function Header() {\n  return <header className="px-token">Site</header>;\n}\n',
      "app/components/Footer.tsx": "export function Footer() {\n  return <footer>©</footer>;\n}\n",
      "app/page.tsx": 'import { PageLayout } from "@/components/PageLayout";\nexport default () => <PageLayout />;\n',
      "app/new-page/page.tsx": 'import { PageLayout } from "@/components/PageLayout";\nexport default () => <PageLayout />;\n',
    });
    const result = runHandoff(repo.root, ["validate", "--agent", "claude"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✅ STRICT rules: pass");
    expect(result.stdout).toContain("lib/format.ts:2  FLEXIBLE  prefer-const");
    expect(result.stdout).toContain("⚠️  TypeScript: not run (turned off in handoff.config.json)");
    expect(readState(repo.root, ".claude/.session-state.json").validation.strict_rules).toBe("pass");
  });

  it("checks a staged file as staged, not as it is on disk", () => {
    const repo = specRepo({ checks: { typescript: false, eslint: false, tests: false } });
    repo.write({ "app/new-page/page.tsx": 'import { PageLayout } from "x";\n' }); // fixed on disk, not staged
    const result = runHandoff(repo.root, ["validate", "--no-checks", "--json"]);
    expect(JSON.parse(result.stdout).validation.violations.map((v: { file: string }) => v.file)).toContain("app/new-page/page.tsx");
    repo.git("add", "app/new-page/page.tsx");
    const staged = runHandoff(repo.root, ["validate", "--no-checks", "--json"]);
    expect(JSON.parse(staged.stdout).validation.violations.map((v: { file: string }) => v.file)).not.toContain("app/new-page/page.tsx");
  });

  it("exits 1 when a check fails, with the end of its output", () => {
    const repo = createRepo();
    repo.commit("setup", {
      "package.json": JSON.stringify({
        scripts: { typecheck: node("console.error('src/a.ts(1,1): error TS2322: nope'); process.exit(2)"), test: node("process.exit(0)") },
      }),
    });
    const result = runHandoff(repo.root, ["validate", "--agent", "copilot"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("❌ TypeScript: fail (npm run typecheck, exit code 2)");
    expect(result.stdout).toContain("│ src/a.ts(1,1): error TS2322: nope");
    expect(result.stdout).toContain("✅ Tests: pass (npm run test)");
    expect(result.stdout).toContain("Rules: none configured");
    expect(result.stdout).toContain("⏳ STRICT rules: pending");
    const state = readState(repo.root, ".github/copilot-session-state.json");
    expect(state.validation).toMatchObject({ typescript: "fail", eslint: "not_run", tests: "pass", strict_rules: "pending", violations: [] });
  });

  it("--no-checks runs no command and records the checks as not_run", () => {
    const repo = specRepo({ scripts: { lint: node("require('fs').writeFileSync('lint-ran', '')") } });
    runHandoff(repo.root, ["save", "claude"]);
    const result = runHandoff(repo.root, ["validate", "--no-checks"]);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(repo.root, "lint-ran"))).toBe(false);
    expect(readState(repo.root, ".claude/.session-state.json").validation).toMatchObject({
      typescript: "not_run",
      eslint: "not_run",
      tests: "not_run",
      strict_rules: "fail",
    });
  });

  it("--json prints only JSON", () => {
    const repo = specRepo({ scripts: { lint: node("console.log('lint output'); process.exit(1)") } });
    const result = runHandoff(repo.root, ["validate", "--json", "--agent", "opencode"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.validation.eslint).toBe("fail");
    expect(report.validation.violations).toHaveLength(5);
    expect(report.checks.find((check: { name: string }) => check.name === "eslint")).toMatchObject({
      result: "fail",
      command: "npm run lint",
      exitCode: 1,
    });
    expect(report.recorded).toEqual([{ agent: "opencode", file: ".opencode/.session-state.json", created: true }]);
  });

  it("records in every saved state, and says so when there is none", () => {
    const repo = specRepo({ checks: { typescript: false, eslint: false, tests: false } });
    const none = runHandoff(repo.root, ["validate"]);
    expect(none.stdout).toContain("📝 No session state here to record the results in");
    runHandoff(repo.root, ["save", "claude"]);
    runHandoff(repo.root, ["save", "copilot"]);
    const both = runHandoff(repo.root, ["validate"]);
    expect(both.stdout).toContain("📝 Recorded in .claude/.session-state.json, .github/copilot-session-state.json");
    expect(existsSync(path.join(repo.root, ".opencode/.session-state.json"))).toBe(false);
  });

  it("an unusable rule is a config error naming the rule, not a crash", () => {
    const repo = createRepo();
    writeFileSync(
      path.join(repo.root, "handoff.config.json"),
      JSON.stringify({
        rules: [
          { id: "design-tokens", severity: "STRICT", files: "app/**/*.tsx", forbid: "px-8", message: "m" },
          { id: "page-layout", severity: "STRICT", files: "app/**/page.tsx", require: "(PageLayout", message: "m" },
          { id: "bad-glob", severity: "FLEXIBLE", files: "src/**/*.{ts", forbid: "x", message: "m" },
        ],
      }),
    );
    const result = runHandoff(repo.root, ["validate"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('rules[1] (page-layout).require: "(PageLayout" is not a valid regular expression (Unterminated group)');
    expect(result.stderr).toContain('rules[2] (bad-glob).files: "src/**/*.{ts" is not a valid glob');
    expect(result.stderr).not.toContain("unexpectedly");
  });

  it("an unknown agent is bad usage (exit 2) and nothing runs", () => {
    const repo = specRepo({ scripts: { lint: node("require('fs').writeFileSync('lint-ran', '')") } });
    const result = runHandoff(repo.root, ["validate", "--agent", "nobody"]);
    expect(result.code).toBe(2);
    expect(existsSync(path.join(repo.root, "lint-ran"))).toBe(false);
  });
});
