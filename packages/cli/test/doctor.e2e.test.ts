import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cleanupTempDirs, createRepo, makeTempDir, refreshSettled, registryReachable, runHandoff, testEnv, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const HOOKS_OK = "  ✅ post-commit, post-checkout, post-merge, post-rewrite, pre-push run handoff (.git/hooks)";
const CLAUDE = ".claude/.session-state.json";

function section(stdout: string, title: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.indexOf(title);
  if (start === -1) return [];
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** A repository as a set-up teammate has it: hooks installed in this clone, a saved state, its ignore line committed. */
function healthyRepo(): TestRepo {
  const repo = createRepo();
  expect(runHandoff(repo.root, ["hooks", "install"]).code).toBe(0);
  expect(runHandoff(repo.root, ["save", "claude", "--task", "Doctor me"]).code).toBe(0);
  repo.git("add", ".gitignore");
  repo.git("commit", "-q", "-m", "ignore handoff's state files");
  return repo;
}

describe("handoff doctor", () => {
  it("says everything works in a healthy repository, and exits 0", async () => {
    const repo = healthyRepo();
    await refreshSettled(repo.root);
    const result = runHandoff(repo.root, ["doctor"]);
    expect(result.code, result.stdout).toBe(0);
    expect(section(result.stdout, "Git hooks")).toEqual([HOOKS_OK]);
    expect(section(result.stdout, "Config")).toEqual(["  ✅ handoff.config.json: valid (none: the defaults apply)"]);
    expect(section(result.stdout, "State files")).toEqual([expect.stringMatching(/^ {2}✅ claude: \.claude\/\.session-state\.json, saved .+, fresh$/)]);
    expect(section(result.stdout, "Hook log")).toEqual(["  ✅ no unresolved hook errors"]);
    expect(section(result.stdout, "Node.js")[0]).toBe(`  ✅ v${process.versions.node} runs handoff (it needs 20.19 or newer)`);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("Everything handoff needs works here.");
  });

  it("names the missing git hooks of this clone and the command that installs them", () => {
    const repo = createRepo();
    const result = runHandoff(repo.root, ["doctor"]);
    expect(result.code).toBe(1);
    expect(section(result.stdout, "Git hooks")).toEqual([
      "  ❌ handoff's git hooks are not installed in this clone (.git/hooks): states go stale after commits and checkouts",
      "     Fix: handoff hooks install",
    ]);
    expect(result.stdout).toContain("1 thing needs your action (each with its fix above).");
    const json = JSON.parse(runHandoff(repo.root, ["doctor", "--json"]).stdout);
    expect(json.ok).toBe(false);
    expect(json.findings).toContainEqual({
      section: "Git hooks",
      level: "fail",
      detail: "handoff's git hooks are not installed in this clone (.git/hooks): states go stale after commits and checkouts",
      fix: "handoff hooks install",
    });
  });

  // npm install husky@9 needs the registry: without it, skip in seconds.
  it.skipIf(!registryReachable())("with husky: sees the hooks through core.hooksPath, and in a clone where husky never ran, says how to turn them on", async () => {
    const repo = createRepo();
    repo.write({ "package.json": `${JSON.stringify({ name: "husky-app", version: "1.0.0", private: true }, null, 2)}\n`, ".gitignore": "node_modules/\n" });
    execFileSync("npm", ["install", "--save-dev", "--loglevel=error", "--no-audit", "--no-fund", "husky@9"], { cwd: repo.root, env: testEnv(), stdio: "pipe" });
    execFileSync("npx", ["--no-install", "husky", "init"], { cwd: repo.root, env: testEnv(), stdio: "pipe" });
    expect(runHandoff(repo.root, ["hooks", "install"]).code).toBe(0);
    expect(section(runHandoff(repo.root, ["doctor"]).stdout, "Git hooks")).toEqual([
      "  ✅ post-commit, post-checkout, post-merge, post-rewrite, pre-push run handoff (husky, core.hooksPath=.husky/_)",
    ]);
    repo.git("add", "-A");
    repo.git("commit", "-q", "--no-verify", "-m", "husky and handoff"); // husky init's pre-commit runs `npm test`
    await refreshSettled(repo.root);
    const clone = makeTempDir("handoff-clone-");
    execFileSync("git", ["clone", "-q", repo.root, clone], { env: testEnv(), stdio: "pipe" });
    const result = runHandoff(clone, ["doctor"]);
    expect(result.code).toBe(1);
    expect(section(result.stdout, "Git hooks")).toEqual([
      "  ❌ handoff's git hooks are not installed in this clone (.git/hooks): states go stale after commits and checkouts",
      "     Fix: npm install (husky's prepare script sets core.hooksPath), or: npx husky",
    ]);
  });

  it("reports a hook that calls a runner this clone does not have", async () => {
    const repo = healthyRepo();
    await refreshSettled(repo.root);
    rmSync(path.join(repo.root, ".git/handoff/hook.sh"));
    const result = runHandoff(repo.root, ["doctor"]);
    expect(result.code).toBe(1);
    expect(section(result.stdout, "Git hooks")).toEqual([
      "  ❌ the hooks call .git/handoff/hook.sh, which this clone does not have: they do nothing",
      "     Fix: handoff hooks install",
    ]);
  });

  it("shows a broken config with the file, the problem and the fix", async () => {
    const repo = healthyRepo();
    await refreshSettled(repo.root);
    writeFileSync(path.join(repo.root, "handoff.config.json"), JSON.stringify({ prePush: "sometimes" }));
    const result = runHandoff(repo.root, ["doctor"]);
    expect(result.code).toBe(1);
    const lines = section(result.stdout, "Config");
    expect(lines[0]).toMatch(/^ {2}❌ handoff\.config\.json is invalid: prePush: /);
    expect(lines[1]).toBe("     Fix: correct the fields named above; the README's Configuration section lists them");
  });

  it("reports a hook-log error until the cause is fixed, then --fix clears it, and status stops repeating it", async () => {
    const repo = healthyRepo();
    await refreshSettled(repo.root);
    writeFileSync(path.join(repo.root, CLAUDE), "{ broken");
    // What the post-commit hook runs in the background, here in the foreground.
    expect(runHandoff(repo.root, ["hooks", "run", "post-commit"]).code).toBe(0);
    const before = runHandoff(repo.root, ["doctor"]);
    expect(before.code).toBe(1);
    const logged = section(before.stdout, "Hook log");
    // A background refresh of the set-up commit may meet the broken file too: one error or more.
    expect(logged[0]).toMatch(/^ {2}❌ (?:an error|\d+ errors) in \.git\/handoff\/hooks\.log; the latest \(post-commit, .+\): \.claude\/\.session-state\.json: /);
    expect(logged[1]).toBe("     Fix: fix the cause, then: handoff doctor --fix");
    expect(runHandoff(repo.root, ["status"]).stdout).toMatch(/The git hooks logged (?:an error|\d+ errors) in the last 7 days/);

    // --fix while the cause is still there: the error stays.
    const early = runHandoff(repo.root, ["doctor", "--fix"]);
    expect(early.code).toBe(1);
    expect(section(early.stdout, "Hook log")[0]).toContain("a refresh still fails: .claude/.session-state.json:");

    // The cause fixed (a fresh save moves the broken file aside), --fix clears the error.
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Doctor me"]).code).toBe(0);
    const fixed = runHandoff(repo.root, ["doctor", "--fix"]);
    expect(section(fixed.stdout, "Hook log")).toEqual([expect.stringMatching(/^ {2}✅ cleared (?:an error|\d+ errors): a refresh now succeeds \(the log keeps them\)$/)]);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(section(runHandoff(repo.root, ["doctor"]).stdout, "Hook log")).toEqual(["  ✅ no unresolved hook errors"]);
    expect(runHandoff(repo.root, ["status"]).stdout).not.toContain("The git hooks logged");
    expect(readFileSync(path.join(repo.root, ".git/handoff/hooks.log"), "utf8")).toMatch(/ERROR post-commit: [\s\S]*INFO doctor: /);
  });

  it("status stops repeating a hook error once a later refresh succeeds", async () => {
    const repo = healthyRepo();
    await refreshSettled(repo.root);
    writeFileSync(path.join(repo.root, CLAUDE), "{ broken");
    expect(runHandoff(repo.root, ["hooks", "run", "post-commit"]).code).toBe(0);
    expect(runHandoff(repo.root, ["status"]).stdout).toContain("once the cause is fixed, `handoff doctor --fix` clears it");
    expect(runHandoff(repo.root, ["save", "claude"]).code).toBe(0);
    expect(runHandoff(repo.root, ["hooks", "run", "post-commit"]).code).toBe(0);
    expect(runHandoff(repo.root, ["status"]).stdout).not.toContain("The git hooks logged");
  });

  it("names a state file that git would commit, and one it already tracks, with the fix for each", async () => {
    const repo = healthyRepo();
    await refreshSettled(repo.root);
    expect(runHandoff(repo.root, ["save", "opencode"]).code).toBe(0);
    writeFileSync(path.join(repo.root, ".gitignore"), "");
    repo.git("add", "-f", ".opencode/.session-state.json");
    const lines = section(runHandoff(repo.root, ["doctor"]).stdout, "State files");
    expect(lines).toContain("  ❌ .claude/.session-state.json is not git-ignored: `git add -A` would commit it");
    expect(lines).toContain("     Fix: add the line .claude/.session-state.json* to .gitignore");
    expect(lines).toContain("  ❌ .opencode/.session-state.json is tracked by git: it would travel with commits, and the hooks leave it alone");
    expect(lines).toContain("     Fix: git rm --cached .opencode/.session-state.json");
  });

  it("finds handoff's entries in the agents' own config files, reads them as untrusted, and tolerates comments", () => {
    const repo = createRepo();
    repo.write({
      ".claude/settings.json": '{\n  // the user\'s comment\n  "hooks": { "Stop": [{ "hooks": [{ "type": "command", "command": "npx handoff hooks agent claude stop" }] }] },\n}\n',
      ".vscode/mcp.json": '{ "servers": { "handoff": { "command": "npx", "args": ["handoff", "mcp"] } } }',
      ".cursor/hooks.json": "{ not json",
    });
    mkdirSync(path.join(repo.root, ".gemini"));
    writeFileSync(path.join(repo.root, ".gemini/settings.json"), Buffer.alloc(300 * 1024, 0x20));
    const lines = section(runHandoff(repo.root, ["doctor"]).stdout, "Agent hooks and MCP");
    expect(lines).toEqual([
      "  ✅ claude: hooks in .claude/settings.json; no MCP server",
      "  ⚠️  gemini: hooks: .gemini/settings.json unreadable (307200 bytes, over the 262144-byte limit); MCP server: .gemini/settings.json unreadable (307200 bytes, over the 262144-byte limit)",
      expect.stringMatching(/^ {2}⚠️ {2}cursor: hooks: \.cursor\/hooks\.json unreadable \(not valid JSON: .+ at line 1, column \d+\); no MCP server$/),
      "  ✅ copilot: no hooks; MCP server in .vscode/mcp.json",
      "  · no handoff hooks or MCP server for: codex, opencode",
    ]);
  });
});
