import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, repoWithFile } from "@handoff/test-utils";
import { parseState } from "../../src/parse/parse.js";
import { loadSession } from "../../src/workflows/load-session.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { readStateFile } from "../../src/store/read-state.js";
import { CLAUDE_FILE, handoffError, minimalState } from "./helpers.js";

afterAll(cleanupTempDirs);

const repoWithState = (content: string | Buffer) => repoWithFile(CLAUDE_FILE, content);

// Invalid UTF-8 (0xff) included: the backup must keep the bytes, not a decoded copy.
const BROKEN = Buffer.concat([Buffer.from('{\n  "version": "2.0",\n  "agent": "claude",\n  "git": {"branch": '), Buffer.from([0xff]), Buffer.from("}}\n")]);

describe("a state file that is not valid JSON", () => {
  it("is reported with the file, line and column, and a fix; reading never changes it", async () => {
    const { repo, file } = repoWithState(BROKEN);
    const error = await handoffError(() => loadSession({ cwd: repo.root, agent: "claude" }), "E_STATE_INVALID_JSON");
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")}:4:\\d+: not valid JSON`));
    expect(error.hint).toMatch(/handoff save/);
    expect(readFileSync(file).equals(BROKEN)).toBe(true);
  });

  it("is moved byte for byte to a .corrupt-<time> backup by save, which writes a fresh state", async () => {
    const { repo, file } = repoWithState(BROKEN);
    const result = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "fresh" } });
    expect(result.backup).toMatch(/\.session-state\.json\.corrupt-\d{8}T\d{6}Z$/);
    expect(path.dirname(result.backup!)).toBe(path.dirname(file));
    expect(readFileSync(result.backup!).equals(BROKEN)).toBe(true);
    expect(readStateFile(file)?.state.task?.description).toBe("fresh");
  });

  it("counts text appended as brackets (a second object, a stray brace) as broken, not as an escalation note", () => {
    const text = `${JSON.stringify(minimalState())}\n}`;
    expect(() => parseState(text, "f.json")).toThrow(/^f\.json:2:1: not valid JSON \(unexpected text after the closing brace\)/);
    expect(() => parseState(`${JSON.stringify(minimalState())}${JSON.stringify(minimalState())}`)).toThrow(/unexpected text/);
  });

  it("escapes terminal control sequences that JSON.parse quotes in its message", () => {
    const error = (() => {
      try {
        parseState('{"version": tru\u001b]0;owned\u0007e}', "f.json");
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("expected an error");
    })();
    expect(error.message).toMatch(/^f\.json:1:\d+: not valid JSON/);
    expect(error.message).not.toMatch(/[\u001b\u0007]/);
  });
});

describe("a state file that fails the schema", () => {
  it("is reported by field path and left byte-identical", async () => {
    const bad = `${JSON.stringify({ ...minimalState(), git: { branch: 7, staged_files: "a.ts" }, task: { status: "done" } }, null, 2)}\n`;
    const { repo, file } = repoWithState(bad);
    const error = await handoffError(() => loadSession({ cwd: repo.root, agent: "claude" }), "E_STATE_SCHEMA");
    expect(error.message).toContain(file);
    for (const field of ["git.branch", "git.staged_files", "git.uncommitted_changes", "task.description", "task.status"]) {
      expect(error.message).toContain(`${field}: `);
    }
    expect(error.hint).toMatch(/correct the fields/);
    expect(readFileSync(file, "utf8")).toBe(bad);
  });

  it("is backed up by save like invalid JSON", async () => {
    const bad = JSON.stringify({ version: "1.0" });
    const { repo, file } = repoWithState(bad);
    const result = await saveSession({ cwd: repo.root, agent: "claude" });
    expect(readFileSync(result.backup!, "utf8")).toBe(bad);
    expect(readStateFile(file)?.state.version).toBe("2.0");
    expect(readdirSync(path.dirname(file)).filter((name) => name.includes(".corrupt-"))).toHaveLength(1);
  });

  it("refuses a key named __proto__ rather than dropping it", () => {
    const text = JSON.stringify(minimalState()).replace('"git":{', '"git":{"__proto__":{"kept":true},');
    expect(() => parseState(text, "f.json")).toThrow(/git\.__proto__: a key named __proto__ cannot be kept/);
    const top = JSON.stringify(minimalState()).replace(/^\{/, '{"__proto__":1,');
    expect(() => parseState(top, "f.json")).toThrow(/__proto__/);
  });

  it("keeps a handoff record of the wrong type for the schema to report, even with an escalation appended", () => {
    const text = `${JSON.stringify({ ...minimalState(), handoff: "by hand" })}\nEscalation: too hard\n`;
    expect(() => parseState(text, "f.json")).toThrow(/handoff: /);
  });
});
