import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo } from "@handoff/test-utils";
import { HandoffError } from "../src/errors.js";
import { MAX_STATE_BYTES, parseState } from "../src/parse/parse.js";
import { quickParseState } from "../src/parse/quick-parse.js";
import { loadSession } from "../src/workflows/load-session.js";
import { saveSession } from "../src/workflows/save-session.js";
import { readStateFile } from "../src/store/read-state.js";
import { arbitraryFor, STATE_JSON_SCHEMA } from "./schema/state-arbitrary.js";

afterAll(cleanupTempDirs);

/** What parseState says about `text`: its result, or its error's code and message. */
function fullParse(text: string) {
  try {
    return { ok: true as const, ...parseState(text, "state.json") };
  } catch (error) {
    if (!(error instanceof HandoffError)) throw error;
    return { ok: false as const, code: error.code, message: error.message };
  }
}

const VALID = {
  version: "2.0",
  timestamp: "2026-01-01T00:00:00Z",
  agent: "claude",
  provider: "anthropic",
  task: { description: "Login form", status: "in_progress", priority: "high" },
  context: {
    files_modified: ["a.ts"],
    files_created: [],
    next_steps: ["tests"],
    commands_run: [{ command: "pnpm test", exit_code: 1 }, { command: "ls", exit_code: null }],
  },
  git: { branch: "main", uncommitted_changes: true, staged_files: [], last_commit: "abc1234", issues: ["#1"], prs: [] },
  validation: {
    typescript: "pass",
    strict_rules: "fail",
    violations: [{ file: "a.ts", line: 3, rule: "no-any", severity: "STRICT", message: "no any" }],
  },
  handoff: { from: "opencode", to: "claude", reason: "offline" },
  freshness: { head: "abc", ref: "main", index: "1:2" },
};

describe("quickParseState mirrors the schema", () => {
  it("returns what parseState returns for a valid state, key order included", () => {
    const withExtras = { zeta: 1, ...VALID, git: { custom: [1, { a: 2 }], ...VALID.git }, $schema: "x.json" };
    for (const value of [VALID, withExtras]) {
      const text = JSON.stringify(value, null, 2);
      const quick = quickParseState(text);
      const full = fullParse(text);
      expect(full.ok).toBe(true);
      expect(quick).toBeDefined();
      expect(JSON.stringify(quick)).toBe(JSON.stringify(full.ok && full.state));
      expect(quick).toEqual(full.ok && full.state);
    }
  });

  it("leaves every file it is not sure of to parseState", () => {
    const body = JSON.stringify(VALID);
    const cases = [
      "",
      "not json",
      `\uFEFF${body}`,
      `${body}\nEscalation: offline`,
      "[]",
      JSON.stringify({ ...VALID, version: "1.0" }),
      JSON.stringify({ ...VALID, git: { ...VALID.git, staged_files: [["a.ts"]] } }),
      JSON.stringify({ ...VALID, git: { ...VALID.git, issues: ["", "12"] } }),
      JSON.stringify({ ...VALID, git: { ...VALID.git, uncommitted_changes: "true" } }),
      JSON.stringify({ ...VALID, git: { ...VALID.git, ahead: 1.5 } }),
      JSON.stringify({ ...VALID, git: { ...VALID.git, ahead: 2 ** 60 } }),
      JSON.stringify({ ...VALID, task: { status: "done" } }),
      JSON.stringify({ ...VALID, validation: { violations: [{ ...VALID.validation.violations[0], line: -1 }] } }),
      body.replace('"version"', '"__proto__":{"polluted":true},"version"'),
      JSON.stringify({ ...VALID, deep: JSON.parse("[".repeat(80) + "]".repeat(80)) }),
      JSON.stringify({ ...VALID, big: "x".repeat(MAX_STATE_BYTES) }),
    ];
    for (const text of cases) {
      expect(quickParseState(text), text.slice(0, 80)).toBeUndefined();
    }
  });

  it("never accepts what parseState refuses, repairs or reads differently (generated states)", () => {
    const text = fc.string({ maxLength: 6 });
    const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 2 }));
    // Every field of the schema, usually of its type, sometimes any value at all.
    const state = arbitraryFor(STATE_JSON_SCHEMA, {
      string: text,
      wrap: (arbitrary) => fc.oneof({ arbitrary, weight: 30 }, { arbitrary: anyValue, weight: 1 }),
      extras: () => fc.dictionary(fc.constantFrom("extra", "zeta"), anyValue, { maxKeys: 1, noNullPrototype: true }),
      maxItems: 2,
    });
    let accepted = 0;
    fc.assert(
      fc.property(state, (value) => {
        const body = JSON.stringify(value);
        const quick = quickParseState(body);
        if (quick === undefined) return;
        accepted++;
        const full = fullParse(body);
        expect(full.ok).toBe(true);
        if (!full.ok) return;
        expect(full.repairs).toEqual([]);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(full.state));
        expect(quick).toEqual(full.state);
      }),
      { numRuns: 2000 },
    );
    // The property means something only if the fast path was taken.
    expect(accepted).toBeGreaterThan(20);
  });

  it("takes the fast path for every valid state, every field of the schema included", () => {
    // Empty names and bare issue numbers are repaired on load (repair.ts): the fast path rightly leaves those.
    const text = fc.string({ maxLength: 6 });
    const name = text.filter((value) => value !== "");
    const reference = text.filter((value) => value !== "" && !/^\d+$/.test(value));
    const state = arbitraryFor(STATE_JSON_SCHEMA, {
      string: text,
      at: { "git.staged_files[]": name, "context.files_modified[]": name, "context.files_created[]": name, "git.issues[]": reference, "git.prs[]": reference },
      extras: () => fc.dictionary(fc.constantFrom("extra", "zeta"), text, { maxKeys: 1, noNullPrototype: true }),
      maxItems: 2,
    });
    fc.assert(
      fc.property(state, (value) => {
        const body = JSON.stringify(value);
        const full = fullParse(body);
        expect(full.ok && full.repairs).toEqual([]);
        const quick = quickParseState(body);
        expect(quick, body).toBeDefined();
        expect(JSON.stringify(quick)).toBe(JSON.stringify(full.ok && full.state));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("loadSession's fast path", () => {

  it("reads a fresh state exactly as readStateFile does", async () => {
    const repo = createRepo();
    const saved = await saveSession({ cwd: repo.root, agent: "claude", input: { task: "Fast", nextSteps: ["a"] } });
    const loaded = await loadSession({ cwd: repo.root, agent: "claude" });
    expect(loaded.freshness).toBe("fresh");
    expect(loaded.state).toEqual(readStateFile(saved.file)!.state);
    expect(JSON.stringify(loaded.state)).toBe(JSON.stringify(readStateFile(saved.file)!.state));
  });

  it("reports a bad file with the very error parseState gives", async () => {
    const repo = createRepo();
    const file = path.join(repo.root, ".claude/.session-state.json");
    mkdirSync(path.dirname(file), { recursive: true });
    const bad = [
      JSON.stringify({ ...VALID, git: { ...VALID.git, branch: 7 } }),
      "{ not json",
      JSON.stringify({ ...VALID, task: { description: "x", status: "done" } }),
    ];
    for (const text of bad) {
      writeFileSync(file, text);
      const expected = fullParse(text.replace(/^/, ""));
      expect(expected.ok).toBe(false);
      const error = await loadSession({ cwd: repo.root, agent: "claude" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HandoffError);
      expect((error as HandoffError).code).toBe(!expected.ok && expected.code);
      expect((error as HandoffError).message).toBe(!expected.ok && expected.message.replace("state.json", file));
    }
  });

  it("still repairs a legacy file, through the full parser", async () => {
    const repo = createRepo();
    const file = path.join(repo.root, ".claude/.session-state.json");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...VALID, freshness: undefined, git: { ...VALID.git, staged_files: [["a.ts"]] } }));
    const loaded = await loadSession({ cwd: repo.root, agent: "claude", refresh: false });
    expect(loaded.repairs.length).toBeGreaterThan(0);
    expect(loaded.state.git.staged_files).toEqual(["a.ts"]);
  });
});
