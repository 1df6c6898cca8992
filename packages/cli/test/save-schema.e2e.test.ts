import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, runHandoff } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const SCHEMA_URL = "https://unpkg.com/@handoff/core/schema/session-state.schema.json";
const INSTALLED_SCHEMA = "node_modules/@handoff/core/schema/session-state.schema.json";

function readText(root: string, file: string): string {
  return readFileSync(path.join(root, file), "utf8");
}

function save(root: string, args: string[]): void {
  const result = runHandoff(root, ["save", ...args]);
  expect(result.code, result.stderr).toBe(0);
}

describe("handoff save --schema", () => {
  it("writes no $schema unless asked, so the file keeps the spec's shape", () => {
    const repo = createRepo();
    save(repo.root, ["claude", "--task", "Implement auth"]);
    const state = JSON.parse(readText(repo.root, ".claude/.session-state.json"));
    expect(state).not.toHaveProperty("$schema");
    expect(Object.keys(state)[0]).toBe("version");
  });

  it("points at the published schema when the repository has no installed copy", () => {
    const repo = createRepo();
    save(repo.root, ["claude", "--schema", "--task", "Implement auth"]);
    const text = readText(repo.root, ".claude/.session-state.json");
    expect(text.startsWith(`{\n  "$schema": "${SCHEMA_URL}",\n  "version": "2.0",`)).toBe(true);
  });

  it("points at node_modules relative to the state file when @handoff/core is installed", () => {
    const repo = createRepo();
    repo.write({
      [INSTALLED_SCHEMA]: "{}\n",
      "handoff.config.json": JSON.stringify({ agents: { deep: ".tools/agents/deep/state.json" } }),
    });
    save(repo.root, ["claude", "--schema"]);
    save(repo.root, ["copilot", "--schema"]);
    save(repo.root, ["deep", "--schema"]);
    const reference = (file: string) => JSON.parse(readText(repo.root, file)).$schema;
    expect(reference(".claude/.session-state.json")).toBe(`../${INSTALLED_SCHEMA}`);
    expect(reference(".github/copilot-session-state.json")).toBe(`../${INSTALLED_SCHEMA}`);
    expect(reference(".tools/agents/deep/state.json")).toBe(`../../../${INSTALLED_SCHEMA}`);
  });

  it("keeps the reference, first, on later saves and hand-overs, and restore still reads the file", () => {
    const repo = createRepo();
    save(repo.root, ["claude", "--schema", "--task", "Implement auth", "--next", "Test login flow"]);
    repo.write({ "lib/auth.ts": "export {};\n" });
    save(repo.root, ["claude", "--priority", "high"]);
    const state = JSON.parse(readText(repo.root, ".claude/.session-state.json"));
    expect(Object.keys(state)[0]).toBe("$schema");
    expect(state).toMatchObject({ $schema: SCHEMA_URL, task: { description: "Implement auth", priority: "high" } });
    expect(state.context.files_created).toContain("lib/auth.ts");

    const switched = runHandoff(repo.root, ["switch", "claude", "opencode", "--provider", "groq_primary"]);
    expect(switched.code).toBe(0);
    expect(JSON.parse(readText(repo.root, ".claude/.session-state.json")).$schema).toBe(SCHEMA_URL);

    const restored = runHandoff(repo.root, ["restore", "claude"]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("Test login flow");
  });

  it("prints the reference with --json", () => {
    const repo = createRepo();
    const result = runHandoff(repo.root, ["save", "opencode", "--schema", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).$schema).toBe(SCHEMA_URL);
  });
});
