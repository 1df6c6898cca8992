import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, testEnv } from "@handoff/test-utils";
import { parseState } from "../../src/parse/parse.js";
import { loadSession } from "../../src/workflows/load-session.js";
import { readStateFile } from "../../src/store/read-state.js";

afterAll(cleanupTempDirs);

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
/** The spec's scripts/save-session-state.sh, copied verbatim from spec/session-handoff.md. */
const SPEC_SCRIPT = new URL("./fixtures/spec-save-session-state.sh", import.meta.url).pathname;
const ESCALATION = "3+ STRICT violations after 2 auto-fix attempts";

function which(tool: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const TOOLS = ["bash", "git", "jq", "date", "paste", "sed", "cat"] as const;
const toolPaths = TOOLS.map(which);
const canRunScript = toolPaths.every(Boolean);

/**
 * Runs the spec's script the way a user without `gh` or `opencode` would: PATH holds only the
 * tools it needs, so `gh issue list` fails as "command not found" and ISSUES stays empty.
 */
function runSpecScript(root: string, agent: string): void {
  const bin = makeTempDir("handoff-spec-bin-");
  TOOLS.forEach((tool, index) => symlinkSync(toolPaths[index]!, path.join(bin, tool)));
  mkdirSync(path.join(root, `.${agent}`), { recursive: true });
  execFileSync(path.join(bin, "bash"), [SPEC_SCRIPT, agent], { cwd: root, env: testEnv({ PATH: bin }), stdio: "pipe" });
}

describe("files written by the spec's original bash script", () => {
  it("load with the nested staged list, the empty issue and the appended escalation repaired and reported", () => {
    const { state, repairs } = parseState(fixture("legacy-opencode-escalated.json"), "legacy.json");
    expect(state.git).toEqual({
      branch: "feat/nextauth-integration",
      uncommitted_changes: true,
      staged_files: ["app/api/auth/[...nextauth]/route.ts", "lib/auth.ts"],
      last_commit: "abc1234",
      issues: [],
    });
    expect(state.handoff).toEqual({ reason: ESCALATION });
    expect(repairs).toEqual([
      "git.staged_files: flattened a nested list written by the original save script",
      "git.issues: removed empty entries and wrote bare numbers as #N",
      "text appended after the JSON was kept as handoff.reason",
    ]);
  });

  it("reads bare issue numbers as #N and an empty staged list [[]] as no files", () => {
    const { state, repairs } = parseState(fixture("legacy-claude-with-issues.json"));
    expect(state.git.issues).toEqual(["#42", "#57"]);
    expect(state.git.staged_files).toEqual([]);
    expect(repairs).toHaveLength(2);
  });

  it.runIf(canRunScript)("is what the real script writes, byte for byte", () => {
    const repo = createRepo({ branch: "feat/nextauth-integration" });
    repo.write({ "app/api/auth/[...nextauth]/route.ts": "export {};\n", "lib/auth.ts": "export {};\n", "README.md": "changed\n" });
    repo.git("add", "--", "app", "lib");
    runSpecScript(repo.root, "opencode");
    const written = readFileSync(path.join(repo.root, ".opencode/.session-state.json"), "utf8");
    const shortHead = repo.git("rev-parse", "--short", "HEAD").trim();
    expect(written).toMatch(/"timestamp": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    const normalised = written
      .replace(/"timestamp": "[^"]*"/, '"timestamp": "2026-01-05T12:30:00Z"')
      .replace(`"last_commit": "${shortHead}"`, '"last_commit": "abc1234"');
    expect(`${normalised}Escalation: ${ESCALATION}\n`).toBe(fixture("legacy-opencode-escalated.json"));
  });

  it.runIf(canRunScript)("restores through loadSession, keeps the escalation, and writes back a clean file", async () => {
    const repo = createRepo({ branch: "feat/nextauth-integration" });
    repo.write({ "lib/auth.ts": "export {};\n" });
    repo.git("add", "lib/auth.ts");
    runSpecScript(repo.root, "opencode");
    const file = path.join(repo.root, ".opencode/.session-state.json");
    execFileSync("bash", ["-c", `echo "Escalation: ${ESCALATION}" >> .opencode/.session-state.json`], { cwd: repo.root });
    const loaded = await loadSession({ cwd: repo.root, agent: "opencode" });
    expect(loaded.repairs).toHaveLength(3);
    expect(loaded.state.handoff?.reason).toBe(ESCALATION);
    expect(loaded.state.git.staged_files).toEqual(["lib/auth.ts"]);
    expect(repo.head().startsWith(loaded.state.git.last_commit)).toBe(true);
    const again = readStateFile(file)!;
    expect(again.repairs).toEqual([]);
    expect(again.state.handoff?.reason).toBe(ESCALATION);
  });

  it.runIf(canRunScript)("loads what the script writes in a repository with no commits", () => {
    const repo = createRepo({ initialCommit: false });
    runSpecScript(repo.root, "claude");
    const { state } = readStateFile(path.join(repo.root, ".claude/.session-state.json"))!;
    expect(state.git).toMatchObject({ branch: "main", staged_files: [], issues: [] });
  });
});
