import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff, testEnv } from "@handoff/test-utils";
import { stateOf } from "./helpers.js";

afterAll(cleanupTempDirs);

const FIXTURES = new URL("../../../core/test/reliability/fixtures/", import.meta.url);
const SPEC_SCRIPT = new URL("spec-save-session-state.sh", FIXTURES).pathname;
const ESCALATION = "3+ STRICT violations after 2 auto-fix attempts";
const TOOLS = ["bash", "git", "jq", "date", "paste", "sed", "cat"];

function which(tool: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const canRunScript = TOOLS.every((tool) => which(tool));

/** The spec's save script, run with only the tools it needs on PATH (no gh, no opencode). */
function runSpecScript(root: string, agent: string): void {
  const bin = makeTempDir("handoff-spec-bin-");
  for (const tool of TOOLS) symlinkSync(which(tool)!, path.join(bin, tool));
  mkdirSync(path.join(root, `.${agent}`), { recursive: true });
  execFileSync(path.join(bin, "bash"), [SPEC_SCRIPT, agent], { cwd: root, env: testEnv({ PATH: bin }), stdio: "pipe" });
}

function expectRepairedRestore(root: string, agent: string) {
  const restored = runHandoff(root, ["restore", agent]);
  expect(restored.code).toBe(0);
  expect(restored.stderr).toContain(`🔧 Repaired .${agent}/.session-state.json: git.staged_files: flattened a nested list`);
  expect(restored.stderr).toContain("git.issues: removed empty entries");
  expect(restored.stderr).toContain("text appended after the JSON was kept as handoff.reason");
  expect(restored.stdout).toContain(`💬 Handoff reason: ${ESCALATION}`);
  return restored;
}

describe("a state written by the spec's bash script, with the workflow's escalation line appended", () => {
  it.runIf(canRunScript)("restores with the repairs reported and the escalation kept as the handoff reason", () => {
    const repo = createRepo({ branch: "feat/nextauth-integration" });
    repo.write({ "app/api/auth/[...nextauth]/route.ts": "export {};\n", "lib/auth.ts": "export {};\n" });
    repo.git("add", "--", "app", "lib");
    runSpecScript(repo.root, "opencode");
    execFileSync("bash", ["-c", `echo "Escalation: ${ESCALATION}" >> .opencode/.session-state.json`], { cwd: repo.root });
    expectRepairedRestore(repo.root, "opencode");
    const json = runHandoff(repo.root, ["restore", "opencode", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      agent: "opencode",
      provider: "unknown",
      git: { branch: "feat/nextauth-integration", staged_files: ["app/api/auth/[...nextauth]/route.ts", "lib/auth.ts"], issues: [] },
      handoff: { reason: ESCALATION },
    });
    // The file was written back clean: the next restore has nothing to repair.
    expect(runHandoff(repo.root, ["restore", "opencode"]).stderr).not.toContain("Repaired");
    expect(stateOf(repo.root, ".opencode/.session-state.json").handoff.reason).toBe(ESCALATION);
  });

  it("restores from the hand-written fixture of the script's output too (no bash or jq needed)", () => {
    const repo = createRepo();
    repo.write({ ".opencode/.session-state.json": "" });
    writeFileSync(path.join(repo.root, ".opencode/.session-state.json"), readFileSync(new URL("legacy-opencode-escalated.json", FIXTURES)));
    expectRepairedRestore(repo.root, "opencode");
  });

  it("a later save keeps the escalation and the other agent can be switched to", () => {
    const repo = createRepo();
    repo.write({ ".opencode/.session-state.json": "" });
    writeFileSync(path.join(repo.root, ".opencode/.session-state.json"), readFileSync(new URL("legacy-opencode-escalated.json", FIXTURES)));
    const saved = runHandoff(repo.root, ["save", "opencode", "--task", "Fix design tokens"]);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain("🔧 Repaired");
    expect(stateOf(repo.root, ".opencode/.session-state.json").handoff.reason).toBe(ESCALATION);
    const switched = runHandoff(repo.root, ["switch", "opencode", "claude"]);
    expect(switched.code).toBe(0);
    expect(switched.stdout).toContain(`Reason: ${ESCALATION}`);
  });
});
