import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";
import { gitWith, snapshotFolder } from "../e2e-helpers.js";
import { handoff, readJson, repoWithHandoff, runAsAgent, write } from "./helpers.js";

afterAll(cleanupTempDirs);

/** Each agent's project file as a user may already have it: own hooks, comments, other settings. */
const USER_FILES: Record<string, string> = {
  ".claude/settings.json": `{
  // my permissions
  "permissions": { "allow": ["Bash(npm test)"] },
  "hooks": {
    "Stop": [
      { "hooks": [ { "type": "command", "command": "say done" } ] }
    ]
  },
  "model": "opus"
}
`,
  ".codex/hooks.json": '{\n\t"hooks": {\n\t\t"SessionStart": [{ "hooks": [{ "type": "command", "command": "echo hi" }] }]\n\t}\n}\n',
  ".gemini/settings.json": '{\r\n  "theme": "GitHub",\r\n  "hooks": { "AfterAgent": [ { "matcher": "*", "hooks": [ { "type": "command", "command": "./log.sh" } ] } ] }\r\n}\r\n',
  ".cursor/hooks.json": '{ "version": 1, "hooks": { "afterFileEdit": [ { "command": "./format.sh" } ], "stop": [ { "command": "./notify.sh" } ] } }',
  ".github/hooks/lint.json": '{ "version": 1, "hooks": { "preToolUse": [ { "type": "command", "bash": "./check.sh" } ] } }\n',
  ".opencode/plugins/mine.js": "export default { id: 'mine', server: async () => ({}) };\n",
  "AGENTS.md": "# Agents\n\nUse pnpm.\n",
};

function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of [".claude", ".codex", ".gemini", ".cursor", ".github", ".opencode"]) {
    for (const [name, content] of Object.entries(snapshotFolder(path.join(root, folder)))) files[`${folder}/${name}`] = content;
  }
  files["AGENTS.md"] = existsSync(path.join(root, "AGENTS.md")) ? readFileSync(path.join(root, "AGENTS.md"), "base64") : "(none)";
  return files;
}

describe("installing agent hooks", () => {
  it("keeps the user's hooks and settings in each file, changes nothing the second time, and uninstalls to the byte", () => {
    const { root } = repoWithHandoff();
    for (const [file, content] of Object.entries(USER_FILES)) write(root, file, content);
    const before = snapshot(root);

    const output = handoff(root, ["hooks", "install"]);
    expect(output).toContain("✅ Agent hooks: claude, codex, gemini, opencode, cursor, copilot");
    const claude = readFileSync(path.join(root, ".claude/settings.json"), "utf8");
    expect(claude).toContain("// my permissions");
    expect(claude.indexOf("say done")).toBeLessThan(claude.indexOf("hook claude stop"));
    expect(readJson(root, ".codex/hooks.json").hooks.SessionStart.map((entry: any) => entry.hooks[0].command)[0]).toBe("echo hi");
    expect(readFileSync(path.join(root, ".codex/hooks.json"), "utf8")).toContain('\n\t\t"Stop": [');
    const gemini = readFileSync(path.join(root, ".gemini/settings.json"), "utf8");
    expect(gemini.split("\n").every((line, index, all) => index === all.length - 1 || line.endsWith("\r"))).toBe(true);
    expect(readJson(root, ".gemini/settings.json").theme).toBe("GitHub");
    expect(readJson(root, ".cursor/hooks.json").hooks.stop.map((entry: any) => entry.command)[0]).toBe("./notify.sh");
    expect(readJson(root, ".cursor/hooks.json").hooks.afterFileEdit).toEqual([{ command: "./format.sh" }]);
    expect(readFileSync(path.join(root, ".github/hooks/lint.json"), "utf8")).toBe(USER_FILES[".github/hooks/lint.json"]);
    expect(readJson(root, ".github/hooks/handoff.json").hooks.agentStop).toHaveLength(1);
    expect(existsSync(path.join(root, ".opencode/plugins/handoff.js"))).toBe(true);
    expect(readFileSync(path.join(root, "AGENTS.md"), "utf8")).toMatch(/^# Agents\n\nUse pnpm\.\n\n<!-- handoff:start[^\n]*-->\n[\s\S]*npx --no -- handoff pull[\s\S]*<!-- handoff:end -->\n$/);

    const installed = snapshot(root);
    handoff(root, ["hooks", "install"]);
    expect(snapshot(root)).toEqual(installed);

    const removed = handoff(root, ["hooks", "uninstall"]);
    expect(removed).toContain("✅ Agent hooks removed");
    expect(snapshot(root)).toEqual(before);
  });

  it("creates what is missing, and uninstall deletes the files and folders it created", () => {
    const { root } = repoWithHandoff();
    handoff(root, ["init", "--agents", "all"]);
    for (const file of [".claude/settings.json", ".codex/hooks.json", ".gemini/settings.json", ".cursor/hooks.json", ".github/hooks/handoff.json", ".opencode/plugins/handoff.js", "AGENTS.md"]) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    handoff(root, ["hooks", "uninstall"]);
    // init also registered the MCP server, in some of the same files (.codex/, .gemini/settings.json).
    handoff(root, ["mcp", "uninstall"]);
    for (const folder of [".codex", ".gemini", ".cursor", ".github", ".opencode", "AGENTS.md", ".mcp.json", ".vscode", "opencode.json"]) expect(existsSync(path.join(root, folder)), folder).toBe(false);
    // .claude/ holds the state file init's .gitignore entries name; the settings file itself is gone.
    expect(existsSync(path.join(root, ".claude/settings.json"))).toBe(false);
  });

  it("sets up only the agents in use, and says how to add another", () => {
    const { root } = repoWithHandoff();
    write(root, ".gemini/GEMINI.md", "notes\n");
    const result = runHandoff(root, ["hooks", "install"], { env: { PATH: path.dirname(process.execPath) + path.delimiter + "/usr/bin:/bin" } });
    expect(result.stdout).toContain("✅ Agent hooks: gemini\n");
    expect(result.stdout).toContain("Add another agent: handoff hooks install --agents <names>, or --agents all");
    expect(existsSync(path.join(root, ".claude/settings.json"))).toBe(false);
  });

  it("leaves a file that does not parse untouched, names it, and still installs the others", () => {
    const { root } = repoWithHandoff();
    write(root, ".claude/settings.json", '{ "hooks": { "Stop": [ ');
    const result = runHandoff(root, ["hooks", "install", "--agents", "claude,cursor"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`❌ ${path.join(root, ".claude/settings.json")}: is not valid JSON`);
    expect(readFileSync(path.join(root, ".claude/settings.json"), "utf8")).toBe('{ "hooks": { "Stop": [ ');
    expect(readJson(root, ".cursor/hooks.json").hooks.stop).toHaveLength(1);
  });

  it("leaves an AGENTS.md that is a symlink alone, with a warning, and still succeeds", () => {
    const { root } = repoWithHandoff();
    write(root, "CLAUDE.md", "# Notes\n");
    symlinkSync("CLAUDE.md", path.join(root, "AGENTS.md"));
    const result = runHandoff(root, ["hooks", "install", "--agents", "claude"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("⚠️  AGENTS.md is a symbolic link, which handoff never writes through");
    expect(readFileSync(path.join(root, "CLAUDE.md"), "utf8")).toBe("# Notes\n");
  });

  it("rejects an unknown --agents name with the list of known ones", () => {
    const { root } = repoWithHandoff();
    const result = runHandoff(root, ["hooks", "install", "--agents", "claude,vim"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown agent "vim"');
  });
});

describe("a hook in a clone where handoff is not installed", () => {
  it("exits 0 and prints nothing, at once, for every agent's command", () => {
    const source = repoWithHandoff();
    handoff(source.root, ["hooks", "install", "--agents", "all"]);
    const clone = createRepo();
    for (const file of [".claude/settings.json", ".codex/hooks.json", ".gemini/settings.json", ".cursor/hooks.json", ".github/hooks/handoff.json"]) {
      write(clone.root, file, readFileSync(path.join(source.root, file), "utf8"));
    }
    const commands = [
      ...Object.values(readJson(clone.root, ".claude/settings.json").hooks).map((entries: any) => entries[0].hooks[0].command),
      ...Object.values(readJson(clone.root, ".codex/hooks.json").hooks).map((entries: any) => entries[0].hooks[0].command),
      ...Object.values(readJson(clone.root, ".gemini/settings.json").hooks).map((entries: any) => entries[0].hooks[0].command),
      ...Object.values(readJson(clone.root, ".cursor/hooks.json").hooks).map((entries: any) => entries[0].command),
      ...Object.values(readJson(clone.root, ".github/hooks/handoff.json").hooks).map((entries: any) => entries[0].bash),
    ] as string[];
    expect(commands).toHaveLength(12);
    for (const command of commands) {
      const started = Date.now();
      const run = runAsAgent(clone.root, command, { stdin: '{"session_id":"x","cwd":"' + clone.root + '"}' });
      expect(run, command).toEqual({ code: 0, stdout: "", stderr: "" });
      // Not a benchmark (bench/agent-hooks.mjs is): a hook that waited on anything would show here.
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect(existsSync(path.join(clone.root, ".git/handoff"))).toBe(false);
  });

  it("ends quietly with exit 0 when the installed handoff cannot start (no node on the agent's PATH)", () => {
    const { root } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    const bin = makeTempDir();
    symlinkSync(execFileSync("/bin/sh", ["-c", "command -v git"], { encoding: "utf8" }).trim(), path.join(bin, "git"));
    const command = readJson(root, ".claude/settings.json").hooks.Stop[0].hooks[0].command as string;
    expect(runAsAgent(root, command, { stdin: "{}", env: { PATH: bin } })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("never runs a handoff the checked-out tree placed: git tracking anything under node_modules skips the hook", () => {
    const { repo, root } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    repo.git("add", "-f", "node_modules/.bin/handoff");
    // HANDOFF_SKIP: the git hooks just installed would start a background refresh on this commit.
    gitWith(root, { HANDOFF_SKIP: "1" }, "commit", "-q", "-m", "vendor a bin");
    const command = readJson(root, ".claude/settings.json").hooks.Stop[0].hooks[0].command as string;
    const run = runAsAgent(root, command, { stdin: "{}" });
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(path.join(root, ".claude/.session-state.json"))).toBe(false);
    expect(existsSync(path.join(root, ".git/handoff/agent-hooks.json"))).toBe(false);
  });
});
