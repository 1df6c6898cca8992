/**
 * `handoff mcp install | uninstall` and `handoff init` (built bin): handoff's server in each agent's
 * own project MCP file, merged with what the user has, idempotent, and gone byte for byte on uninstall.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import jsonc from "jsonc-parser";
import { parse as parseToml } from "smol-toml";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, runHandoff, testEnv, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const ALL = "claude,cursor,copilot,gemini,codex,opencode";
const NPX = { command: "npx", args: ["--no", "--", "handoff", "mcp"] };

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** The agents' files as projects publish them (fixtures/README.md has where each comes from). */
const USER_FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "app", private: true, devDependencies: { "@handoff/cli": "^1.0.0" } }, null, 2)}\n`,
  ".mcp.json": fixture("vscode.mcp.json"),
  ".cursor/mcp.json": fixture("vscode.cursor-mcp.json"),
  ".vscode/mcp.json": fixture("vscode.vscode-mcp.json"),
  ".gemini/settings.json": fixture("gemini-cli.settings.json"),
  ".codex/config.toml": fixture("codex.config.toml"),
  "opencode.json": fixture("opencode.opencode.json"),
};

function handoff(repo: TestRepo, ...args: string[]) {
  return runHandoff(repo.root, args, { env: { PATH: process.env.PATH ?? "" } });
}

const read = (repo: TestRepo, file: string) => readFileSync(path.join(repo.root, file), "utf8");
const readJson = (repo: TestRepo, file: string) => jsonc.parse(read(repo, file)) as Record<string, Record<string, unknown>>;

function repoWithUserFiles(): TestRepo {
  const repo = createRepo();
  repo.write(USER_FILES);
  repo.commit("An app with agent settings", { ...USER_FILES, "src/app.ts": "export const app = 1;\n" });
  return repo;
}

describe("handoff mcp install | uninstall", () => {
  it("adds the server to each agent's own file, keeps the rest, and runs the project's own handoff", () => {
    const repo = repoWithUserFiles();
    const installed = handoff(repo, "mcp", "install", "--agents", ALL);
    expect(installed.code, installed.stdout + installed.stderr).toBe(0);
    expect(installed.stdout).toContain("npx --no -- handoff mcp");

    const parsedBefore = (file: string) => jsonc.parse(USER_FILES[file]!) as Record<string, Record<string, unknown>>;
    expect(readJson(repo, ".mcp.json").mcpServers).toEqual({ ...parsedBefore(".mcp.json").mcpServers, handoff: { type: "stdio", ...NPX } });
    expect(readJson(repo, ".cursor/mcp.json").mcpServers).toEqual({ ...parsedBefore(".cursor/mcp.json").mcpServers, handoff: NPX });
    expect(readJson(repo, ".vscode/mcp.json")).toEqual({
      ...parsedBefore(".vscode/mcp.json"),
      servers: { ...parsedBefore(".vscode/mcp.json").servers, handoff: { type: "stdio", ...NPX } },
    });
    expect(readJson(repo, ".gemini/settings.json")).toEqual({ ...parsedBefore(".gemini/settings.json"), mcpServers: { handoff: NPX } });
    const codex = parseToml(read(repo, ".codex/config.toml")) as Record<string, unknown> & { mcp_servers: Record<string, unknown> };
    const codexBefore = parseToml(USER_FILES[".codex/config.toml"]!) as Record<string, unknown> & { mcp_servers: Record<string, unknown> };
    expect(JSON.parse(JSON.stringify(codex))).toEqual(JSON.parse(JSON.stringify({ ...codexBefore, mcp_servers: { ...codexBefore.mcp_servers, handoff: NPX } })));
    expect(read(repo, ".codex/config.toml").startsWith(USER_FILES[".codex/config.toml"]!)).toBe(true);
    expect(readJson(repo, "opencode.json")).toEqual({
      ...parsedBefore("opencode.json"),
      mcp: { handoff: { type: "local", command: ["npx", "--no", "--", "handoff", "mcp"], enabled: true } },
    });

    // Idempotent: a second install changes no byte.
    const files = Object.keys(USER_FILES);
    const after = Object.fromEntries(files.map((file) => [file, read(repo, file)]));
    const again = handoff(repo, "mcp", "install", "--agents", ALL);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(".mcp.json: handoff MCP server already there");
    for (const file of files) expect(read(repo, file), file).toBe(after[file]);

    // Uninstall: every file as the user had it, and the files and folders handoff created are gone.
    const removed = handoff(repo, "mcp", "uninstall");
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    for (const [file, text] of Object.entries(USER_FILES)) expect(read(repo, file), file).toBe(text);
    expect(repo.git("status", "--porcelain").trim()).toBe("");
  });

  it("leaves a file that does not parse, or a server of the user's named handoff, as it is, and writes the others", () => {
    const repo = repoWithUserFiles();
    const broken = '{ "theme": "Dracula", }}';
    const theirs = '[mcp_servers.handoff]\ncommand = "my-own-handoff"\n';
    repo.write({ ".gemini/settings.json": broken, ".codex/config.toml": theirs });

    const installed = handoff(repo, "mcp", "install", "--agents", "gemini,codex,claude");
    expect(installed.code).toBe(1);
    expect(installed.stdout).toMatch(/❌ \.gemini\/settings\.json: left untouched/);
    expect(installed.stdout).toContain("settings.json: is not valid JSON");
    expect(installed.stdout).toContain('⚠️  .codex/config.toml: already names a server "handoff" that handoff did not write');
    expect(read(repo, ".gemini/settings.json")).toBe(broken);
    expect(read(repo, ".codex/config.toml")).toBe(theirs);
    expect(readJson(repo, ".mcp.json").mcpServers?.handoff).toEqual({ type: "stdio", ...NPX });

    const inline = 'mcp_servers = { docs = { command = "docs-mcp" } }\n';
    repo.write({ ".codex/config.toml": inline });
    const refused = handoff(repo, "mcp", "install", "--agents", "codex");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('an inline "mcp_servers = { ... }" cannot take one');
    expect(read(repo, ".codex/config.toml")).toBe(inline);
  });

  it("writes a command that starts this project's handoff mcp, offline", () => {
    const repo = repoWithUserFiles();
    mkdirSync(path.join(repo.root, "node_modules/.bin"), { recursive: true });
    symlinkSync(HANDOFF_BIN, path.join(repo.root, "node_modules/.bin/handoff"));
    expect(handoff(repo, "mcp", "install", "--agents", "claude").code).toBe(0);
    const { command, args } = readJson(repo, ".mcp.json").mcpServers!.handoff as { command: string; args: string[] };
    const initialize = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "test", version: "1" } } };
    // npm_config_offline: npx must find the installed bin without asking the registry.
    const started = spawnSync(command, args, { cwd: path.join(repo.root, "src"), input: `${JSON.stringify(initialize)}\n`, encoding: "utf8", env: testEnv({ npm_config_offline: "true" }) });
    expect(started.status, started.stderr).toBe(0);
    expect(JSON.parse(started.stdout.split("\n")[0]!)).toMatchObject({ id: 1, result: { serverInfo: { name: "handoff" } } });
  });

  it("registers the handoff on PATH when the project does not depend on @handoff/cli", () => {
    const repo = createRepo();
    repo.commit("No package.json");
    expect(handoff(repo, "mcp", "install", "--agents", "claude").code).toBe(0);
    expect(readJson(repo, ".mcp.json").mcpServers?.handoff).toEqual({ type: "stdio", command: "handoff", args: ["mcp"] });
  });

  it("rejects an unknown agent and an unknown action", () => {
    const repo = createRepo();
    const unknown = handoff(repo, "mcp", "install", "--agents", "claude,nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--agents: unknown agent "nope"');
    const action = handoff(repo, "mcp", "add");
    expect(action.code).toBe(2);
    expect(action.stderr).toContain('unknown mcp action "add"');
  });
});

describe("handoff init", () => {
  it("registers the server for the agents whose folder is here", () => {
    const repo = createRepo();
    mkdirSync(path.join(repo.root, ".claude"));
    writeFileSync(path.join(repo.root, ".claude", "settings.json"), "{}\n");
    repo.commit("Claude is used here", { ".claude/settings.json": "{}\n" });
    const init = handoff(repo, "init");
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toContain(".mcp.json: created, with the handoff MCP server (folder .claude/)");
    expect(readJson(repo, ".mcp.json").mcpServers?.handoff).toMatchObject({ type: "stdio" });
    expect(handoff(repo, "mcp", "uninstall").code).toBe(0);
    expect(existsSync(path.join(repo.root, ".mcp.json"))).toBe(false);
  });
});
