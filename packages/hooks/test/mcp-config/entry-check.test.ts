import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isHandoffError } from "@handoff/core";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { mcpConfigFiles } from "../../src/mcp-config/agent-files.js";
import { checkEntry } from "../../src/mcp-config/entry-check.js";
import { mcpServerCommand } from "../../src/mcp-config/server-command.js";

afterAll(cleanupTempDirs);

const SERVER = { command: "npx", args: ["--no", "--", "handoff", "mcp"] };
const config = (agent: string) => mcpConfigFiles("/repo", SERVER).find((file) => file.agent === agent)!;

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isHandoffError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("no error");
}

describe("checkEntry", () => {
  it("takes a missing or empty file, and a file with other servers", () => {
    expect(checkEntry("/repo", config("claude"), undefined, false)).toBe("mine");
    expect(checkEntry("/repo", config("claude"), '{ "mcpServers": { "docs": { "command": "d" } } }', false)).toBe("mine");
    expect(checkEntry("/repo", config("codex"), "", false)).toBe("mine");
    expect(checkEntry("/repo", config("codex"), '[mcp_servers.docs]\ncommand = "d"\n', false)).toBe("mine");
  });

  it("leaves the user's own handoff entry, but not one handoff recorded as its own", () => {
    const theirs = '{ "mcpServers": { "handoff": { "command": "my-handoff" } } }';
    expect(checkEntry("/repo", config("claude"), theirs, false)).toBe("theirs");
    expect(checkEntry("/repo", config("claude"), theirs, true)).toBe("mine");
    const same = JSON.stringify({ mcpServers: { handoff: { type: "stdio", ...SERVER } } });
    expect(checkEntry("/repo", config("claude"), same, false)).toBe("mine");
    expect(checkEntry("/repo", config("codex"), '[mcp_servers.handoff]\ncommand = "npx"\n', false)).toBe("theirs");
  });

  it("names a file that does not parse, and a TOML file that could not take handoff's table", () => {
    expect(errorOf(() => checkEntry("/repo", config("gemini"), "{ nope", false))).toMatchObject({ code: "E_AGENT_CONFIG_INVALID" });
    const toml = errorOf(() => checkEntry("/repo", config("codex"), "a = = 1\n", false));
    expect(toml.message).toContain("is not valid TOML");
    expect(toml.message).toContain(path.join("/repo", ".codex/config.toml"));
    const inline = errorOf(() => checkEntry("/repo", config("codex"), 'mcp_servers = { docs = { command = "d" } }\n', false));
    expect(inline.message).toContain("would not parse with a [mcp_servers.handoff] table added");
  });
});

describe("mcpServerCommand", () => {
  it("runs the project's own handoff through npx when the project depends on @handoff/cli, else the one on PATH", () => {
    const dependent = makeTempDir();
    writeFileSync(path.join(dependent, "package.json"), JSON.stringify({ devDependencies: { "@handoff/cli": "^1.0.0" } }));
    expect(mcpServerCommand(dependent)).toEqual(SERVER);

    const installed = makeTempDir();
    mkdirSync(path.join(installed, "node_modules/.bin"), { recursive: true });
    writeFileSync(path.join(installed, "node_modules/.bin/handoff"), "");
    expect(mcpServerCommand(installed)).toEqual(SERVER);

    const other = makeTempDir();
    writeFileSync(path.join(other, "package.json"), "{ not json");
    expect(mcpServerCommand(other)).toEqual({ command: "handoff", args: ["mcp"] });
  });
});
