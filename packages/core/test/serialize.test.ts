import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isHandoffError } from "../src/errors.js";
import { parseState } from "../src/parse/parse.js";
import { pickScenario, renderPrompt } from "../src/prompt/prompt.js";
import { renderRestoreView } from "../src/views/restore-view.js";
import { stringifyState } from "../src/parse/stringify.js";
import { summarizeState } from "../src/views/summary.js";

const specExample = readFileSync(new URL("./fixtures/spec-example-state.json", import.meta.url), "utf8");

function parseError(text: string) {
  try {
    parseState(text, "state.json");
  } catch (error) {
    if (isHandoffError(error)) return error;
    throw error;
  }
  throw new Error("expected a parse error");
}

describe("parseState", () => {
  it("loads the spec's example state unchanged", () => {
    const { state, repairs } = parseState(specExample);
    expect(repairs).toEqual([]);
    expect(state).toEqual(JSON.parse(specExample));
  });

  it("keeps fields other tools wrote, at every level, through a round trip", () => {
    const raw = JSON.parse(specExample);
    raw.custom_tool = { keep: [1, 2] };
    raw.task.owner = "ana";
    raw.git.remote = "origin";
    const { state } = parseState(JSON.stringify(raw));
    expect(JSON.parse(stringifyState(state))).toEqual(raw);
  });

  it("names the field, the file and the fix on a schema error", () => {
    const raw = JSON.parse(specExample);
    raw.task.status = "almost";
    raw.git.staged_files = "a.ts";
    const error = parseError(JSON.stringify(raw));
    expect(error.code).toBe("E_STATE_SCHEMA");
    expect(error.message).toContain("state.json");
    expect(error.message).toMatch(/task\.status: /);
    expect(error.message).toMatch(/git\.staged_files: /);
    expect(error.hint).toMatch(/handoff save/);
  });

  it("gives line and column for invalid JSON", () => {
    const error = parseError('{\n  "version": "2.0",\n  "agent": oops\n}');
    expect(error.code).toBe("E_STATE_INVALID_JSON");
    expect(error.message).toMatch(/^state\.json:3:\d+: not valid JSON/);
  });

  it("rejects an empty file and a non-object", () => {
    expect(parseError("").code).toBe("E_STATE_INVALID_JSON");
    expect(parseError("[1]").code).toBe("E_STATE_INVALID_JSON");
  });

  it("repairs what the spec's bash save script writes, and says so", () => {
    const legacy = `{
  "version": "2.0",
  "timestamp": "2026-01-05T12:30:00Z",
  "agent": "claude",
  "provider": "unknown",
  "git": {
    "branch": "feat/x",
    "uncommitted_changes": true,
    "staged_files": [["a.ts","b c.ts"]],
    "last_commit": "abc123",
    "issues": [""]
  }
}
Escalation: 3+ STRICT violations after 2 auto-fix attempts
`;
    const { state, repairs } = parseState(legacy);
    expect(state.git.staged_files).toEqual(["a.ts", "b c.ts"]);
    expect(state.git.issues).toEqual([]);
    expect(state.git.last_commit).toBe("abc123");
    expect(state.handoff?.reason).toBe("3+ STRICT violations after 2 auto-fix attempts");
    expect(repairs).toHaveLength(3);
  });

  it("writes bare issue numbers from gh as #N", () => {
    const raw = JSON.parse(specExample);
    raw.git.issues = ["42", "#7"];
    expect(parseState(JSON.stringify(raw)).state.git.issues).toEqual(["#42", "#7"]);
  });
});

describe("renderRestoreView", () => {
  it("prints the spec's example output for the spec's example state", () => {
    const { state } = parseState(specExample);
    const view = renderRestoreView(state);
    expect(view.split("\n").slice(0, 13)).toEqual([
      "📋 Restoring session from opencode",
      "━".repeat(40),
      "🕐 Session saved: 2026-01-05T12:30:00Z",
      "🤖 Previous agent: opencode (groq_primary)",
      "🌿 Git branch: feat/nextauth-integration",
      "📝 Last commit: abc123",
      "📁 Modified files: 2",
      "🎯 Task: Implement user authentication with NextAuth (in_progress, high)",
      "",
      "Modified files:",
      "  - app/api/auth/[...nextauth]/route.ts (staged)",
      "  - lib/auth.ts",
      "",
    ]);
    expect(view).toContain("Next steps:\n 1. Add session provider to layout\n 2. Test login flow\n 3. Update environment variables");
    expect(view.endsWith("━".repeat(40))).toBe(true);
  });

  it("cuts long file lists and says how many it left out", () => {
    const raw = JSON.parse(specExample);
    raw.context.files_modified = Array.from({ length: 120 }, (_, i) => `src/file-${i}.ts`);
    const view = renderRestoreView(parseState(JSON.stringify(raw)).state);
    expect(view).toContain("📁 Modified files: 120");
    expect(view).toContain("  - src/file-49.ts");
    expect(view).not.toContain("  - src/file-50.ts");
    expect(view).toContain("  … and 70 more");
  });

  it("escapes terminal control sequences from the state", () => {
    const raw = JSON.parse(specExample);
    raw.task.description = "evil \u001b]0;pwned\u0007 title";
    const view = renderRestoreView(parseState(JSON.stringify(raw)).state);
    expect(view).not.toContain("\u001b");
    expect(view).toContain("evil \\x1b]0;pwned\\x07 title");
  });
});

describe("renderPrompt", () => {
  const base = () => JSON.parse(specExample);

  it("writes the continue template for a plain handoff", () => {
    const { state } = parseState(JSON.stringify(base()));
    expect(pickScenario(state)).toBe("continue");
    const prompt = renderPrompt(state);
    expect(prompt).toMatch(/^I'm continuing work from OpenCode \(groq_primary\)\. Session state restored:/);
    expect(prompt).toContain("Task: Implement user authentication with NextAuth");
    expect(prompt).toContain("Progress: 45 minutes in, 1h 15m remaining");
    expect(prompt).toContain("- app/api/auth/[...nextauth]/route.ts (staged)");
    expect(prompt).toContain("1. Add session provider to layout");
    expect(prompt).toContain("Please continue from step 1.");
  });

  it("writes the escalation template with the violations", () => {
    const raw = base();
    raw.validation.strict_rules = "fail";
    raw.validation.violations = [
      { file: "app/components/Header.tsx", line: 3, rule: "design-tokens", severity: "STRICT", message: "hardcoded px-8", fix: "use tokens from @/design-system/tokens" },
    ];
    raw.handoff = { reason: "Escalation: 3+ STRICT violations after 2 auto-fix attempts" };
    const { state } = parseState(JSON.stringify(raw));
    expect(pickScenario(state)).toBe("escalation");
    const prompt = renderPrompt(state);
    expect(prompt).toMatch(/^Escalated from OpenCode \(groq_primary\) due to STRICT rule violations\./);
    expect(prompt).toContain("- app/components/Header.tsx:3: hardcoded px-8 (design-tokens)");
    expect(prompt).toContain("use tokens from @/design-system/tokens");
  });

  it("writes the offline validation template for an Ollama draft", () => {
    const raw = base();
    raw.provider = "offline_primary";
    const { state } = parseState(JSON.stringify(raw));
    expect(pickScenario(state)).toBe("offline-validation");
    expect(renderPrompt(state)).toMatch(/^Offline session completed with OpenCode \(offline_primary\)\./);
    expect(renderPrompt(state)).toContain("✅ TypeScript: pass");
  });

  it("writes the research template for a question", () => {
    const raw = base();
    raw.handoff = { reason: "Research: WebSockets, SSE or polling?" };
    const { state } = parseState(JSON.stringify(raw));
    expect(pickScenario(state)).toBe("research");
    const prompt = renderPrompt(state);
    expect(prompt).toContain("Blocker: Research: WebSockets, SSE or polling?");
    expect(prompt).toContain("architectural recommendation");
  });

  it("summarises a state in one line", () => {
    const { state } = parseState(specExample);
    expect(summarizeState(state)).toBe(
      "opencode (groq_primary) · feat/nextauth-integration @ abc123 · 3 files · in_progress: Implement user authentication with NextAuth",
    );
  });
});
