import { describe, expect, it } from "vitest";
import { compareStates, mergeByAgent } from "../../src/share/merge-states.js";
import type { SessionState } from "../../src/schema/session-state.js";

function state(task: string, timestamp: string): SessionState {
  return {
    version: "2.0",
    timestamp,
    agent: "claude",
    task: { description: task, status: "in_progress" },
    context: { files_modified: [], files_created: [], next_steps: [] },
    git: { branch: "main", uncommitted_changes: false, staged_files: [], last_commit: "abc1234", issues: [], prs: [] },
    validation: { typescript: "not_run", eslint: "not_run", tests: "not_run", strict_rules: "not_run" },
  } as SessionState;
}

describe("merging the states of two clones", () => {
  it("compares by timestamp, and equal content is the same whatever the time", () => {
    const older = state("a", "2026-01-01T10:00:00Z");
    const newer = state("b", "2026-01-01T10:00:01Z");
    expect(compareStates(newer, older)).toBe("first-newer");
    expect(compareStates(older, newer)).toBe("second-newer");
    expect(compareStates(older, state("a", "2026-01-01T10:00:00Z"))).toBe("same");
    expect(compareStates(older, state("c", "2026-01-01T10:00:00Z"))).toBe("tie");
    // One save, its git part refreshed by another clone's hooks (which keep the timestamp), is the same save.
    const refreshed = { ...older, git: { ...older.git, last_commit: "def5678" }, freshness: { head: "def5678", ref: "main", index: "x" } };
    expect(compareStates(refreshed as SessionState, older)).toBe("same");
    // A timestamp that does not parse is older than any that does.
    expect(compareStates(state("x", "yesterday"), older)).toBe("second-newer");
  });

  it("keeps every agent of both sides, the newer state for an agent on both, and ours on a tie", () => {
    const theirs = new Map([
      ["claude", state("their claude", "2026-01-01T12:00:00Z")],
      ["codex", state("their codex", "2026-01-01T09:00:00Z")],
      ["gemini", state("their gemini", "2026-01-01T09:00:00Z")],
    ]);
    const mine = new Map([
      ["claude", state("my claude", "2026-01-01T11:00:00Z")],
      ["codex", state("my codex", "2026-01-01T10:00:00Z")],
      ["gemini", state("my gemini", "2026-01-01T09:00:00Z")],
      ["opencode", state("my opencode", "2026-01-01T08:00:00Z")],
    ]);
    const { states: merged, fromMine, theirsNewer } = mergeByAgent(theirs, mine);
    expect(fromMine).toEqual(["codex", "gemini", "opencode"]);
    expect(theirsNewer).toEqual(["claude"]);
    expect(Object.fromEntries([...merged].map(([agent, value]) => [agent, value.task?.description]))).toEqual({
      claude: "their claude",
      codex: "my codex",
      gemini: "my gemini",
      opencode: "my opencode",
    });
  });
});
