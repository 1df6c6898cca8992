import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isHandoffError } from "@handoff/core";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { agentsInUse, describeReason, parseAgentsOption, PROJECT_AGENTS } from "../../src/project-config/index.js";

afterAll(cleanupTempDirs);

const noPath = { PATH: "" };

describe("agentsInUse", () => {
  it("finds the agents whose project folder exists, and not through a symlink", () => {
    const root = makeTempDir();
    mkdirSync(path.join(root, ".claude"));
    mkdirSync(path.join(root, ".github"));
    symlinkSync(makeTempDir(), path.join(root, ".gemini"));
    writeFileSync(path.join(root, ".codex"), "a file, not a folder");
    const found = agentsInUse({ root, env: noPath });
    expect(found.map((entry) => entry.agent)).toEqual(["claude", "copilot"]);
    expect(describeReason(found[0]!.reason)).toBe("folder .claude/");
  });

  it("finds an agent by its CLI on PATH", () => {
    const root = makeTempDir();
    const bin = makeTempDir();
    writeFileSync(path.join(bin, "codex"), "#!/bin/sh\n");
    chmodSync(path.join(bin, "codex"), 0o755);
    const found = agentsInUse({ root, env: { PATH: bin } });
    expect(found.map((entry) => entry.agent)).toEqual(["codex"]);
    expect(describeReason(found[0]!.reason)).toBe("codex on PATH");
  });

  it("takes exactly the agents named with --agents, or all of them", () => {
    const root = makeTempDir();
    mkdirSync(path.join(root, ".claude"));
    expect(agentsInUse({ root, requested: "gemini, codex", env: noPath }).map((entry) => entry.agent)).toEqual(["codex", "gemini"]);
    expect(parseAgentsOption("all")).toEqual(PROJECT_AGENTS.map((entry) => entry.agent));
  });

  it("names the known agents when --agents has an unknown one", () => {
    let caught: unknown;
    try {
      parseAgentsOption("claude,vim");
    } catch (error) {
      caught = error;
    }
    expect(isHandoffError(caught, "E_UNKNOWN_AGENT")).toBe(true);
    expect((caught as Error).message).toContain('"vim"');
  });
});
