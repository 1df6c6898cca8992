import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { recordValidation } from "../../src/checks/record-validation.js";
import type { Validation } from "../../src/schema/session-state.js";
import { openRepo } from "../../src/workflows/open-repo.js";
import { saveSession } from "../../src/workflows/save-session.js";

afterAll(cleanupTempDirs);

const validation: Validation = {
  typescript: "pass",
  eslint: "fail",
  tests: "not_run",
  strict_rules: "fail",
  violations: [{ file: "app/page.tsx", line: 3, rule: "design-tokens", severity: "STRICT", message: "hardcoded text-gray-600" }],
  checked_at: "2026-01-05T12:30:00Z",
};

function readState(root: string, file: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(root, file), "utf8"));
}

describe("recordValidation", () => {
  it("writes into every existing state and keeps everything else in it", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "Tokens", nextSteps: ["fix header"] } });
    await saveSession({ cwd: repo.root, agent: "opencode", input: { task: "Tokens" } });
    const file = path.join(repo.root, ".opencode/.session-state.json");
    const before = JSON.parse(readFileSync(file, "utf8"));
    before.custom_tool_field = { kept: true };
    before.validation.reviewer = "someone";
    writeFileSync(file, JSON.stringify(before));

    const result = await recordValidation({ opened: await openRepo(repo.root), validation });
    expect(result.recorded.map((entry) => [entry.agent, entry.created])).toEqual([
      ["claude", false],
      ["opencode", false],
    ]);
    const claude = readState(repo.root, ".claude/.session-state.json");
    expect(claude.validation).toEqual(validation);
    expect(claude.context.next_steps).toEqual(["fix header"]);
    const opencode = readState(repo.root, ".opencode/.session-state.json");
    expect(opencode.custom_tool_field).toEqual({ kept: true });
    expect(opencode.validation).toEqual({ ...validation, reviewer: "someone" });
    expect(opencode.task).toEqual(before.task);
  });

  it("with an agent, writes only its state, and saves it first when it has none", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude" });
    const result = await recordValidation({ opened: await openRepo(repo.root), validation, agent: "opencode" });
    expect(result.recorded).toEqual([{ agent: "opencode", file: ".opencode/.session-state.json", created: true }]);
    const created = readState(repo.root, ".opencode/.session-state.json");
    expect(created).toMatchObject({ version: "2.0", agent: "opencode", validation });
    expect(readState(repo.root, ".claude/.session-state.json").validation.strict_rules).toBe("pending");
  });

  it("leaves a state it cannot read untouched and reports it", async () => {
    const repo = createRepo();
    await saveSession({ cwd: repo.root, agent: "claude" });
    mkdirSync(path.join(repo.root, ".opencode"), { recursive: true });
    writeFileSync(path.join(repo.root, ".opencode/.session-state.json"), "{ broken");
    const result = await recordValidation({ opened: await openRepo(repo.root), validation });
    expect(result.recorded.map((entry) => entry.agent)).toEqual(["claude"]);
    expect(result.failed.map((entry) => [entry.agent, entry.error.code])).toEqual([["opencode", "E_STATE_INVALID_JSON"]]);
    expect(readFileSync(path.join(repo.root, ".opencode/.session-state.json"), "utf8")).toBe("{ broken");
  });

  it("records nowhere when no state exists and no agent is named", async () => {
    const repo = createRepo();
    expect(await recordValidation({ opened: await openRepo(repo.root), validation })).toEqual({ recorded: [], failed: [] });
  });
});
