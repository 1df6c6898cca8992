import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, repoWithFile, runHandoff } from "@handoff/test-utils";
import { CLAUDE_FILE, stateOf } from "./helpers.js";

afterAll(cleanupTempDirs);

const NOT_JSON = Buffer.concat([
  Buffer.from('{\n  "version": "2.0",\n  "agent": "claude",\n  "git": {\n    "branch": main\n  }\n}\n'),
  Buffer.from([0xc3, 0x28]), // invalid UTF-8: the backup must hold the bytes, not a decoded copy
]);
const BAD_SCHEMA = `${JSON.stringify({ version: "2.0", timestamp: "2026-01-05T12:30:00Z", agent: "claude", git: { branch: ["main"], uncommitted_changes: "yes", staged_files: [], last_commit: "abc1234" } }, null, 2)}\n`;

const repoWithState = (content: string | Buffer) => repoWithFile(CLAUDE_FILE, content);

const unchanged = (file: string, content: string | Buffer) => expect(readFileSync(file).equals(Buffer.from(content))).toBe(true);

/** With --json the report is one JSON object on stderr, code E_STATE_*: its message and hint, as text. */
function jsonErrorText(stderr: string): string {
  const { error } = JSON.parse(stderr) as { error: { code: string; message: string; hint?: string } };
  expect(error.code).toMatch(/^E_STATE_/);
  return `${error.message}\n${error.hint ?? ""}`;
}

describe.each([
  ["not valid JSON", NOT_JSON, /\.claude\/\.session-state\.json:5:\d+: not valid JSON/, /:5:\d+: not valid JSON/],
  ["failing the schema", BAD_SCHEMA, /git\.branch: .*\n\s+git\.uncommitted_changes: /, /git\.branch: .*\n\s+git\.uncommitted_changes: /],
] as const)("a state file %s", (_, content, problem, statusProblem) => {
  it("restore reports the file, the position or field, and the fix; exit 1; the file stays byte-identical", () => {
    const { repo, file } = repoWithState(content);
    for (const args of [["restore", "claude"], ["restore", "claude", "--json"], ["restore", "claude", "--prompt"]]) {
      const result = runHandoff(repo.root, args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      const report = args.includes("--json") ? jsonErrorText(result.stderr) : result.stderr;
      expect(report).toContain(file);
      expect(report).toMatch(problem);
      expect(report).toMatch(/handoff save <agent>.*backup/);
    }
    unchanged(file, content);
  });

  it("status reports it with exit 1 and leaves it byte-identical", () => {
    const { repo, file } = repoWithState(content);
    const result = runHandoff(repo.root, ["status"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`❌ claude: ${file}`);
    expect(result.stdout).toMatch(statusProblem);
    expect(result.stdout).toMatch(/handoff save <agent>/);
    const json = runHandoff(repo.root, ["status", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ agent: "claude", error: expect.objectContaining({ code: expect.stringMatching(/^E_STATE_/) }) }),
    ]);
    unchanged(file, content);
  });

  it("save moves the bad bytes to .session-state.json.corrupt-<time>, says so, and writes a fresh state", () => {
    const { repo, file } = repoWithState(content);
    const result = runHandoff(repo.root, ["save", "claude", "--task", "start again"]);
    expect(result.code).toBe(0);
    const backups = readdirSync(path.dirname(file)).filter((name) => /^\.session-state\.json\.corrupt-\d{8}T\d{6}Z$/.test(name));
    expect(backups).toHaveLength(1);
    const backup = path.join(path.dirname(file), backups[0]!);
    unchanged(backup, content);
    expect(result.stderr).toContain(`its bytes were moved to ${backup}`);
    expect(stateOf(repo.root)).toMatchObject({ version: "2.0", task: { description: "start again" } });
    expect(runHandoff(repo.root, ["restore", "claude"]).code).toBe(0);
  });
});

describe("a state file cut short mid-write by another tool", () => {
  it("is reported with the position where it ends", () => {
    const full = readFileSync(new URL("../../../core/test/fixtures/spec-example-state.json", import.meta.url), "utf8");
    const { repo, file } = repoWithState(full.slice(0, 200));
    const result = runHandoff(repo.root, ["restore", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/:\d+:\d+: not valid JSON \(the object never closes\)/);
    unchanged(file, full.slice(0, 200));
  });
});
