import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, runHandoff } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

function stateOf(root: string, file: string) {
  return JSON.parse(readFileSync(path.join(root, file), "utf8"));
}

describe("a handoff reason belongs to its own handoff", () => {
  it("a --reason given to one switch does not come back in a later, unrelated switch from the same agent", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["switch", "claude", "opencode", "--task", "Auth", "--reason", "Escalation: 3 STRICT violations"]).code).toBe(0);
    expect(stateOf(repo.root, ".opencode/.session-state.json").handoff.reason).toBe("Escalation: 3 STRICT violations");
    expect(stateOf(repo.root, ".claude/.session-state.json").handoff?.reason).toBeUndefined();

    const later = runHandoff(repo.root, ["switch", "claude", "gemini"]);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).not.toContain("Reason:");
    expect(stateOf(repo.root, ".gemini/.session-state.json").handoff).not.toHaveProperty("reason");
    const prompt = runHandoff(repo.root, ["restore", "gemini", "--prompt"]).stdout;
    expect(prompt).not.toContain("Escalated from");
    expect(prompt).not.toContain("STRICT violations");
  });

  it("a reason recorded with save --reason goes to the next switch, and only to it", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Auth", "--reason", "Rate limit"]).code).toBe(0);
    expect(runHandoff(repo.root, ["switch", "claude", "opencode"]).stdout).toContain("   Reason: Rate limit");
    expect(stateOf(repo.root, ".claude/.session-state.json").handoff?.reason).toBeUndefined();
    expect(runHandoff(repo.root, ["switch", "claude", "codex"]).stdout).not.toContain("Reason:");
    expect(stateOf(repo.root, ".codex/.session-state.json").handoff).not.toHaveProperty("reason");
  });

  it("the default (continue) prompt shows the reason", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["switch", "claude", "opencode", "--task", "Auth", "--reason", "Rate limit"]).code).toBe(0);
    const prompt = runHandoff(repo.root, ["restore", "opencode", "--prompt"]).stdout;
    expect(prompt).toMatch(/^I'm continuing work from Claude Code/);
    expect(prompt).toContain("Handoff reason: Rate limit");
  });
});
