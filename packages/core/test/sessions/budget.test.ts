import { describe, expect, it } from "vitest";
import { estimateTokens, renderPromptWithinBudget, type SessionState } from "@handoff/core";

function bigState(withViolation = false): SessionState {
  return {
    version: "2.0",
    timestamp: "2026-11-20T10:00:00Z",
    agent: "claude",
    provider: "anthropic",
    task: { description: "Add rate limiting to the login endpoint", status: "in_progress" },
    context: {
      files_modified: Array.from({ length: 60 }, (_, i) => `src/module-${i}/a-rather-long-file-name-${i}.ts`),
      files_created: ["src/rate-limit.ts"],
      next_steps: ["Fix the failing login test", "Document the limit"],
      commands_run: Array.from({ length: 10 }, (_, i) => ({ command: `npm run task-${i} -- --with-a-long-flag`, exit_code: i % 2 })),
    },
    git: { branch: "feat/limits", uncommitted_changes: true, staged_files: [], last_commit: "abc1234" },
    validation: withViolation
      ? { violations: [{ file: "src/login.ts", line: 3, rule: "no-console", severity: "STRICT", message: "console.log in production code" }] }
      : undefined,
  };
}

describe("renderPromptWithinBudget", () => {
  it("keeps everything, with the recent commands, when the budget allows", () => {
    const result = renderPromptWithinBudget(bigState(), { maxTokens: 100_000 });
    expect(result.omitted).toEqual([]);
    expect(result.prompt).toContain("Recent commands:");
    expect(result.prompt).toContain("`npm run task-9 -- --with-a-long-flag` (exit 1)");
    expect(result.prompt).toContain("src/module-59/a-rather-long-file-name-59.ts");
  });

  it("shortens commands and files first, keeps task, next steps and git, and says what it left out", () => {
    const result = renderPromptWithinBudget(bigState(), { maxTokens: 400 });
    expect(result.tokens).toBeLessThanOrEqual(400);
    expect(result.tokens).toBe(estimateTokens(result.prompt));
    for (const kept of ["Add rate limiting to the login endpoint", "Fix the failing login test", "Document the limit", "feat/limits", "abc1234"]) {
      expect(result.prompt).toContain(kept);
    }
    expect(result.omitted.join("; ")).toMatch(/of 61 files/);
    expect(result.prompt).toMatch(/Left out to fit a 400-token budget: .*of 61 files/);
  });

  it("keeps the violations of an escalation prompt while the commands go", () => {
    const full = renderPromptWithinBudget(bigState(true), { maxTokens: 100_000 });
    const result = renderPromptWithinBudget(bigState(true), { maxTokens: estimateTokens(full.prompt) - 20 });
    expect(result.prompt).toContain("console.log in production code");
    expect(result.prompt).toContain("Add rate limiting to the login endpoint");
    expect(result.omitted.join("; ")).toMatch(/recent commands/);
    expect(result.omitted.join("; ")).not.toMatch(/files/);
  });

  it("cuts the text itself only as a last resort, and says so", () => {
    const result = renderPromptWithinBudget(bigState(), { maxTokens: 40 });
    expect(result.tokens).toBeLessThanOrEqual(40);
    expect(result.prompt).toMatch(/Cut at the 40-token budget/);
  });
});
