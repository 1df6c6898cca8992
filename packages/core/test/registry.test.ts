import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { getAgent, listAgents } from "../src/agents/registry.js";
import { loadConfig } from "../src/config/load.js";
import { isHandoffError } from "../src/errors.js";

afterAll(cleanupTempDirs);

function thrown(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (isHandoffError(error)) return error;
    throw error;
  }
  throw new Error("expected a HandoffError");
}

describe("agent registry", () => {
  it("has the spec's three agents at the spec's locations", () => {
    expect(getAgent("claude").file).toBe(".claude/.session-state.json");
    expect(getAgent("opencode").file).toBe(".opencode/.session-state.json");
    expect(getAgent("copilot").file).toBe(".github/copilot-session-state.json");
  });

  it("adds agents from config and lets config move a built-in one", () => {
    const agents = listAgents({ agents: { zed: ".zed/.session-state.json", claude: { file: "tmp/claude.json", maxTokens: 500 } } });
    expect(agents.find((a) => a.name === "zed")).toMatchObject({ file: ".zed/.session-state.json", builtIn: false });
    expect(agents.find((a) => a.name === "claude")).toMatchObject({ file: "tmp/claude.json", maxTokens: 500, label: "Claude Code" });
  });

  it("refuses a config path outside the repository", () => {
    const error = thrown(() => listAgents({ agents: { evil: "../outside.json" } }));
    expect(error.code).toBe("E_CONFIG_INVALID");
    expect(error.message).toContain("agents.evil");
  });

  it("refuses a config path that names a folder, not a file", () => {
    for (const file of [".", "./", ".claude/", "notes/.."]) {
      const error = thrown(() => listAgents({ agents: { odd: file } }));
      expect(error.code).toBe("E_CONFIG_INVALID");
      expect(error.message).toContain("agents.odd");
    }
  });

  it("names the known agents for an unknown one", () => {
    const error = thrown(() => getAgent("gpt"));
    expect(error.code).toBe("E_UNKNOWN_AGENT");
    expect(error.hint).toContain("claude, opencode, copilot");
  });
});

describe("loadConfig", () => {
  const write = (content: string) => {
    const root = makeTempDir();
    writeFileSync(path.join(root, "handoff.config.json"), content);
    return root;
  };

  it("reads the issue's example agents config", () => {
    const root = write('{ "agents": { "codex": ".codex/.session-state.json" } }');
    expect(loadConfig(root)).toEqual({ agents: { codex: ".codex/.session-state.json" } });
  });

  it("is empty when there is no config file", () => {
    expect(loadConfig(makeTempDir())).toEqual({});
  });

  it("names the file and the field of a bad config", () => {
    const root = write('{ "agents": { "Bad Name": 3 }, "prePush": "maybe" }');
    const error = thrown(() => loadConfig(root));
    expect(error.code).toBe("E_CONFIG_INVALID");
    expect(error.message).toContain(path.join(root, "handoff.config.json"));
    expect(error.message).toMatch(/prePush: /);
    expect(error.message).toMatch(/agents\.Bad Name/);
  });

  it("names the file, line and column for invalid JSON, in one line, as for state files", () => {
    const root = write("{ agents: }");
    const file = path.join(root, "handoff.config.json");
    expect(thrown(() => loadConfig(root)).message).toBe(`${file}:1:3: not valid JSON (Expected property name or '}')`);
    const trailing = write('{\n  "prePush": "warn",\n}\n');
    expect(thrown(() => loadConfig(trailing)).message).toBe(
      `${path.join(trailing, "handoff.config.json")}:3:1: not valid JSON (Expected double-quoted property name)`,
    );
    const bracket = write('{ "rules": [1,] }');
    expect(thrown(() => loadConfig(bracket)).message).toBe(`${path.join(bracket, "handoff.config.json")}:1:15: not valid JSON (Unexpected token ']')`);
  });

  it("names fields in one notation: indexes in brackets, a rule by its id", () => {
    const root = write(JSON.stringify({ rules: [{ id: "tokens", severity: "HARD", files: "**", forbid: "x", message: "m" }], agents: { x: { file: 3 } } }));
    const message = thrown(() => loadConfig(root)).message;
    expect(message).toContain("\n  rules[0] (tokens).severity: ");
    expect(message).toContain("\n  agents.x: ");
  });
});
