import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

interface JsonError {
  error: { code: string; message: string; hint?: string };
}

/** stderr of a `--json` run: exactly one JSON object on one line. */
function jsonError(stderr: string): JsonError {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as JsonError;
}

describe("errors: one exit-code table, text for people, JSON for tools", () => {
  it("a usage error exits 2 with the command's usage, as text", () => {
    const result = runHandoff(makeTempDir(), ["save", "--bogus"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("❌ Unknown option '--bogus'");
    expect(result.stderr).toContain("Usage: handoff save <agent>");
  });

  it("a usage error with --json is one JSON object on stderr with code E_USAGE, exit 2", () => {
    const result = runHandoff(makeTempDir(), ["save", "--bogus", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const { error } = jsonError(result.stderr);
    expect(error.code).toBe("E_USAGE");
    expect(error.message).toBe("Unknown option '--bogus'");
    expect(error.hint).toMatch(/^Usage: handoff save <agent>/);
  });

  it("an unknown command with --json names the commands in the hint", () => {
    const result = runHandoff(makeTempDir(), ["sav", "--json"]);
    expect(result.code).toBe(2);
    const { error } = jsonError(result.stderr);
    expect(error).toMatchObject({ code: "E_USAGE", message: 'unknown command "sav"' });
    expect(error.hint).toContain("Commands: save, restore");
  });

  it("a HandoffError exits 1 with its message and hint, as text", () => {
    const dir = makeTempDir();
    const result = runHandoff(dir, ["restore", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is not inside a git repository");
    expect(result.stderr).toContain("   cd into your project's checkout");
  });

  it("a HandoffError with --json keeps its stable code, message and hint (without the indent)", () => {
    const result = runHandoff(makeTempDir(), ["restore", "claude", "--json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const { error } = jsonError(result.stderr);
    expect(error.code).toBe("E_NOT_GIT_REPO");
    expect(error.message).toMatch(/is not inside a git repository$/);
    expect(error.hint).toMatch(/^cd into your project's checkout/);
  });

  it("E_UNKNOWN_AGENT maps to exit 2 through the same table, with and without --json", () => {
    const repo = createRepo();
    const text = runHandoff(repo.root, ["restore", "nosuch"]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("Usage: handoff restore <agent>");
    const json = runHandoff(repo.root, ["restore", "nosuch", "--json"]);
    expect(json.code).toBe(2);
    expect(jsonError(json.stderr).error.code).toBe("E_UNKNOWN_AGENT");
  });

  it("a control character from the command line reaches the JSON escaped, never raw", () => {
    const result = runHandoff(makeTempDir(), ["sav\u009b31m", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("\u009b");
    expect(result.stderr).toContain("\\u009b");
    expect(jsonError(result.stderr).error.message).toBe('unknown command "sav\u009b31m"');
  });
});
