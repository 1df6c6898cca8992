import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const SPEC_EXAMPLE = readFileSync(new URL("../../core/test/fixtures/spec-example-state.json", import.meta.url), "utf8");

function readState(root: string, file = ".claude/.session-state.json") {
  return JSON.parse(readFileSync(path.join(root, file), "utf8"));
}

describe("handoff save", () => {
  it("writes the agent's file and prints the spec's line", () => {
    const repo = createRepo();
    repo.git("switch", "-q", "-c", "feat/nextauth-integration");
    repo.write({ "lib/auth.ts": "x\n" });
    const result = runHandoff(repo.root, [
      "save", "claude", "--task", "Implement auth", "--priority", "high",
      "--next", "Add session provider", "--next", "Test login flow", "--provider", "claude-sonnet-4",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("✅ Session state saved to .claude/.session-state.json\n");
    const state = readState(repo.root);
    expect(state).toMatchObject({
      version: "2.0",
      agent: "claude",
      provider: "claude-sonnet-4",
      task: { description: "Implement auth", status: "in_progress", priority: "high" },
      context: { files_created: ["lib/auth.ts"], next_steps: ["Add session provider", "Test login flow"] },
      git: { branch: "feat/nextauth-integration", uncommitted_changes: true, staged_files: [] },
    });
    expect(state.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(readFileSync(path.join(repo.root, ".gitignore"), "utf8")).toContain(".claude/.session-state.json");
  });

  it("adds the .gitignore entry only once", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "copilot"]);
    runHandoff(repo.root, ["save", "copilot"]);
    const ignore = readFileSync(path.join(repo.root, ".gitignore"), "utf8");
    expect(ignore.match(/\.github\/copilot-session-state\.json/g)).toHaveLength(1);
    expect(ignore.split("\n")).toContain(".github/copilot-session-state.json*");
    expect(repo.git("status", "--porcelain")).not.toContain("copilot-session-state");
  });

  it("keeps the backup of a corrupt file out of git, and out of a WIP commit", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "claude"]);
    writeFileSync(path.join(repo.root, ".claude/.session-state.json"), "{ broken");
    const saved = runHandoff(repo.root, ["save", "claude"]);
    expect(saved.stderr).toContain(".session-state.json.corrupt-");
    expect(repo.git("status", "--porcelain", "--untracked-files=all")).toBe("?? .gitignore\n");
    runHandoff(repo.root, ["switch", "claude", "opencode", "--commit", "--task", "x"]);
    expect(repo.git("show", "--name-only", "--format=", "HEAD").trim()).toBe(".gitignore");
  });

  it("prints only JSON with --json", () => {
    const repo = createRepo();
    const result = runHandoff(repo.root, ["save", "opencode", "--json", "--task", "T"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ agent: "opencode", task: { description: "T" } });
  });

  it("rejects an unknown agent with exit 2, the usage and the agents", () => {
    const repo = createRepo();
    const result = runHandoff(repo.root, ["save", "gpt5"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown agent "gpt5"');
    expect(result.stderr).toContain("Usage: handoff save <agent>");
    expect(result.stderr).toContain("claude, opencode, copilot");
  });

  it("rejects a missing agent, an unknown flag and a bad --status with exit 2", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save"]).stderr).toContain("missing <agent>");
    expect(runHandoff(repo.root, ["save"]).code).toBe(2);
    const unknownFlag = runHandoff(repo.root, ["save", "claude", "--frobnicate"]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("--frobnicate");
    const badStatus = runHandoff(repo.root, ["save", "claude", "--status", "sorta"]);
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain("--status must be one of pending, in_progress, blocked, completed");
    expect(existsSync(path.join(repo.root, ".claude"))).toBe(false);
  });

  it("says clearly when not inside a git repository (exit 1)", () => {
    const dir = makeTempDir();
    const result = runHandoff(dir, ["save", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is not inside a git repository");
    expect(result.stderr).toContain("git init");
  });

  it("says git is missing when it cannot start git (exit 1)", () => {
    const repo = createRepo();
    // The bin runs with node's absolute path; an empty PATH leaves git nowhere to be found.
    const result = runHandoff(repo.root, ["save", "claude"], { env: { PATH: makeTempDir("no-git-") } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("git could not be started");
    expect(result.stderr).toContain("install git and put it on PATH");
  });

  it("saves agents declared in handoff.config.json", () => {
    const repo = createRepo();
    repo.write({ "handoff.config.json": '{ "agents": { "zed": ".zed/state.json" } }' });
    expect(runHandoff(repo.root, ["save", "zed"]).code).toBe(0);
    expect(readState(repo.root, ".zed/state.json").agent).toBe("zed");
  });
});

describe("handoff restore", () => {
  it("loads and restores the spec's own example state file", () => {
    const repo = createRepo();
    mkdirSync(path.join(repo.root, ".opencode"));
    writeFileSync(path.join(repo.root, ".opencode/.session-state.json"), SPEC_EXAMPLE);
    const result = runHandoff(repo.root, ["restore", "opencode"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("📋 Restoring session from opencode");
    expect(result.stdout).toContain("🤖 Previous agent: opencode (groq_primary)");
    // No freshness record in the spec's file: its git part is recomputed from this repository.
    expect(result.stdout).toContain("  - app/api/auth/[...nextauth]/route.ts");
    expect(result.stdout).toContain("🌿 Git branch: main");
    expect(result.stdout).toContain(" 1. Add session provider to layout");
  });

  it("prints the spec's message and hint when there is no state (exit 1)", () => {
    const repo = createRepo();
    const result = runHandoff(repo.root, ["restore", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("❌ No session state found for claude");
    expect(result.stderr).toContain("Run: npm run session:save claude");
  });

  it("prints only the state with --json and the next agent's prompt with --prompt", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "claude", "--task", "Ship it", "--next", "Write tests"]);
    const json = runHandoff(repo.root, ["restore", "claude", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual(readState(repo.root));
    const prompt = runHandoff(repo.root, ["restore", "claude", "--prompt"]);
    expect(prompt.stdout).toMatch(/^I'm continuing work from Claude Code\. Session state restored:/);
    expect(prompt.stdout).toContain("1. Write tests");
    expect(runHandoff(repo.root, ["restore", "claude", "--json", "--prompt"]).code).toBe(2);
  });

  it("reports an invalid state file with its field and never touches it", () => {
    const repo = createRepo();
    const broken = SPEC_EXAMPLE.replace('"in_progress"', '"someday"');
    mkdirSync(path.join(repo.root, ".claude"));
    writeFileSync(path.join(repo.root, ".claude/.session-state.json"), broken);
    const result = runHandoff(repo.root, ["restore", "claude"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(".claude/.session-state.json does not match session state v2.0");
    expect(result.stderr).toContain("task.status:");
    expect(readFileSync(path.join(repo.root, ".claude/.session-state.json"), "utf8")).toBe(broken);
  });

  it("refreshes a stale git part before showing it", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "claude", "--task", "Survive"]);
    repo.git("switch", "-q", "-c", "moved-on");
    const head = repo.commit("feat: new work");
    const result = runHandoff(repo.root, ["restore", "claude", "--json"]);
    const state = JSON.parse(result.stdout);
    expect(state.git.branch).toBe("moved-on");
    expect(head.startsWith(state.git.last_commit)).toBe(true);
    expect(state.task.description).toBe("Survive");
    expect(result.stderr).toContain("refreshed");
  });
});

describe("handoff switch", () => {
  it("runs the spec's five steps and writes the target's state with the handoff record", () => {
    const repo = createRepo();
    repo.write({ "a.ts": "1\n", "b.ts": "2\n" });
    runHandoff(repo.root, ["save", "claude", "--task", "Auth", "--next", "Add provider", "--provider", "claude-sonnet-4"]);
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--provider", "groq_primary", "--reason", "Rate limit"]);
    expect(result.code).toBe(0);
    const lines = result.stdout;
    for (const expected of [
      "🔄 Session Handoff: claude → opencode",
      "Step 1: Saving claude session state...",
      "✅ Session saved to .claude/.session-state.json",
      "Step 2: Git status check...",
      "⚠️  Uncommitted changes detected (3 files)",
      "Step 3: Validation status...",
      "⚠️  Tests: not run yet",
      "Step 4: Restoring opencode session state...",
      "📋 Restoring session from claude",
      "🤖 Previous agent: claude (claude-sonnet-4)",
      "Step 5: Handoff complete!",
      "✨ Ready to continue in opencode",
      "   Run: opencode --preset groq_primary",
      "   From: claude (claude-sonnet-4)",
      "   To: opencode (groq_primary)",
      "   Reason: Rate limit",
      "   Next action: Add provider",
    ]) {
      expect(lines).toContain(expected);
    }
    const target = readState(repo.root, ".opencode/.session-state.json");
    expect(target).toMatchObject({
      agent: "opencode",
      provider: "groq_primary",
      task: { description: "Auth" },
      handoff: { from: "claude", from_provider: "claude-sonnet-4", to: "opencode", reason: "Rate limit" },
    });
  });

  it("--commit makes the spec's WIP commit without the state files and loses nothing", () => {
    const repo = createRepo();
    repo.write({ "work.ts": "important\n" });
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--commit", "--task", "nextauth integration"]);
    expect(result.code).toBe(0);
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("wip: nextauth integration (switching to opencode)");
    expect(repo.git("show", "HEAD:work.ts")).toBe("important\n");
    expect(repo.git("ls-files")).not.toContain("session-state");
    expect(repo.git("status", "--porcelain")).toBe("");
    const target = readState(repo.root, ".opencode/.session-state.json");
    expect(target.handoff.commit).toBe(repo.git("rev-parse", "--short", "HEAD").trim());
    expect(target.git.uncommitted_changes).toBe(false);
  });

  it("--stash stashes with the spec's message, untracked files included, and records it", () => {
    const repo = createRepo();
    repo.write({ "README.md": "changed\n", "new.ts": "new\n" });
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--stash"]);
    expect(result.code).toBe(0);
    expect(repo.git("stash", "list")).toContain("claude session handoff");
    expect(existsSync(path.join(repo.root, "new.ts"))).toBe(false);
    expect(readState(repo.root, ".opencode/.session-state.json").handoff.stash).toBe("claude session handoff");
    expect(runHandoff(repo.root, ["restore", "opencode", "--prompt"]).stdout).toContain("git stash pop");
    repo.git("stash", "pop");
    expect(readFileSync(path.join(repo.root, "new.ts"), "utf8")).toBe("new\n");
    expect(readFileSync(path.join(repo.root, "README.md"), "utf8")).toBe("changed\n");
  });

  it("keeps a different task already in the target's file as a backup", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "opencode", "--task", "Older task"]);
    runHandoff(repo.root, ["save", "claude", "--task", "Newer task"]);
    const result = runHandoff(repo.root, ["switch", "claude", "opencode"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("previous state (another task) was kept as");
    const backups = readdirSync(path.join(repo.root, ".opencode")).filter((name) => name.includes(".replaced-"));
    expect(backups).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(repo.root, ".opencode", backups[0]!), "utf8")).task.description).toBe("Older task");
  });

  it("carries a reason to the handoff it was given for, and not to the next one", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["switch", "claude", "opencode", "--reason", "Rate limit"]);
    runHandoff(repo.root, ["switch", "opencode", "claude"]);
    expect(readState(repo.root).handoff).not.toHaveProperty("reason");
    runHandoff(repo.root, ["save", "claude", "--reason", "Escalation: 3 STRICT violations"]);
    const result = runHandoff(repo.root, ["switch", "claude", "opencode"]);
    expect(result.stdout).toContain("   Reason: Escalation: 3 STRICT violations");
    expect(readState(repo.root, ".opencode/.session-state.json").handoff).toMatchObject({
      from: "claude",
      to: "opencode",
      reason: "Escalation: 3 STRICT violations",
    });
  });

  it("prints only JSON with --json", () => {
    const repo = createRepo();
    const result = runHandoff(repo.root, ["switch", "claude", "codex", "--json"]);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.from.agent).toBe("claude");
    expect(parsed.to.agent).toBe("codex");
  });
});

describe("handoff status and agents", () => {
  it("lists one line per agent with a state, and fresh / stale", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "claude", "--task", "Task A", "--provider", "anthropic"]);
    runHandoff(repo.root, ["save", "opencode", "--task", "Task B"]);
    repo.commit("moves HEAD");
    const result = runHandoff(repo.root, ["status"]);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trim().split("\n");
    expect(header).toMatch(/^AGENT\s+PROVIDER\s+BRANCH\s+SAVED\s+GIT\s+TASK$/);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^claude\s+anthropic\s+main\s+\d+s ago\s+stale\s+Task A$/);
    // No hooks in this repository: status says why the states went stale, and what fixes it.
    expect(rows[2]).toContain("States go stale here: the git hooks are not installed in this clone. Run `npx handoff hooks install`");
  });

  it("says how to start when nothing is saved", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["status"]).stdout).toContain("Run: handoff save <agent>");
  });

  it("lists the agents with their state files", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "copilot"]);
    const result = runHandoff(repo.root, ["agents", "--json"]);
    const agents = JSON.parse(result.stdout) as Array<{ name: string; file: string; hasState: boolean }>;
    expect(agents.find((a) => a.name === "copilot")).toMatchObject({ file: ".github/copilot-session-state.json", hasState: true });
    expect(agents.find((a) => a.name === "claude")?.hasState).toBe(false);
  });
});

describe("usage", () => {
  it("prints help, per-command help from the option table, and the version", () => {
    const dir = makeTempDir();
    expect(runHandoff(dir, ["--help"]).stdout).toContain("Usage: handoff <command> [options]");
    const help = runHandoff(dir, ["save", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("-n, --next <step>");
    expect(runHandoff(dir, ["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(runHandoff(dir, []).code).toBe(2);
    expect(runHandoff(dir, ["frobnicate"]).code).toBe(2);
  });
});
