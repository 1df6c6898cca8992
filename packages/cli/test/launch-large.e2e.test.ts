import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const GIT_DIR = path.dirname(execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim());
const LINUX_ARGUMENT_LIMIT = 128 * 1024;

/**
 * A stand-in agent CLI that records its arguments, and a copy of any prompt file an argument
 * names (handoff removes the file once the agent has ended).
 */
function standIn(name: string): { bin: string; record: string } {
  const bin = makeTempDir("handoff-bin-");
  const record = path.join(bin, `${name}.args`);
  const script = [
    "#!/bin/sh",
    `for arg in "$@"; do printf '%s\\n<<END>>\\n' "$arg"; done > "${record}"`,
    `file=$(printf '%s' "$*" | grep -o '/[^ ]*handoff-launch-[^/ ]*/handoff-prompt.md' | head -n 1)`,
    `if [ -n "$file" ]; then cp "$file" "${record}.file"; ls -ld "$(dirname "$file")" > "${record}.dir"; fi`,
    "",
  ].join("\n");
  writeFileSync(path.join(bin, name), script);
  chmodSync(path.join(bin, name), 0o755);
  return { bin, record };
}

function recordedArgs(record: string): string[] {
  return readFileSync(record, "utf8").split("\n<<END>>\n").filter((arg) => arg !== "");
}

/** A repository whose saved Claude Code state makes a prompt of about 300 KB, and a budget that lets it through. */
function bigHandoff(): { root: string; env: Record<string, string> } {
  const repo = createRepo();
  const steps = Array.from({ length: 3000 }, (_, i) => `Step ${i}: ${"migrate the next module and check its tests ".repeat(2).trim()}`);
  const state = {
    version: "2.0",
    timestamp: "2026-11-30T12:00:00Z",
    agent: "claude",
    provider: "anthropic",
    task: { description: "Port the whole service to the new API", status: "in_progress" },
    context: { next_steps: steps },
    git: { branch: "main", uncommitted_changes: false, staged_files: [], last_commit: "" },
  };
  mkdirSync(path.join(repo.root, ".claude"), { recursive: true });
  writeFileSync(path.join(repo.root, ".claude", ".session-state.json"), JSON.stringify(state));
  const config = {
    agents: {
      codex: { file: ".codex/.session-state.json", maxTokens: 200_000 },
      gemini: { file: ".gemini/.session-state.json", maxTokens: 200_000 },
    },
  };
  writeFileSync(path.join(repo.root, "handoff.config.json"), JSON.stringify(config));
  const home = makeTempDir("handoff-home-");
  return { root: repo.root, env: { HOME: home, CLAUDE_CONFIG_DIR: "", CODEX_HOME: "", GEMINI_CLI_HOME: "", XDG_DATA_HOME: "", HANDOFF_OFFLINE: "1" } };
}

describe("switch --launch with a prompt too large for a command-line argument", () => {
  it("hands a 300 KB prompt to Codex CLI through a private file, not as one argument", () => {
    const { root, env } = bigHandoff();
    const codex = standIn("codex");
    const result = runHandoff(root, ["switch", "claude", "codex", "--launch", "--no-session"], { env: { ...env, PATH: `${codex.bin}${path.delimiter}${GIT_DIR}` } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("The prompt is too large for a command line: codex gets it through a temporary file");
    const args = recordedArgs(codex.record);
    expect(args).toHaveLength(1);
    expect(Buffer.byteLength(args[0]!)).toBeLessThan(1024);
    expect(args[0]).toMatch(/too long for a command line, so it is in this file: \/.*handoff-prompt\.md/);
    const prompt = readFileSync(`${codex.record}.file`, "utf8");
    expect(Buffer.byteLength(prompt)).toBeGreaterThan(300 * 1024);
    expect(Buffer.byteLength(prompt)).toBeGreaterThan(LINUX_ARGUMENT_LIMIT);
    expect(prompt).toMatch(/^I'm continuing work from Claude Code/);
    expect(prompt).toContain("Step 2999: migrate the next module");
    expect(readFileSync(`${codex.record}.dir`, "utf8")).toMatch(/^drwx------/);
    // Removed once the agent has ended.
    const file = /: (\/\S*handoff-prompt\.md)/.exec(args[0]!)![1]!;
    expect(existsSync(file)).toBe(false);
  });

  it("keeps the target's own prompt flag (gemini -i) and points it at the file", () => {
    const { root, env } = bigHandoff();
    const gemini = standIn("gemini");
    const result = runHandoff(root, ["switch", "claude", "gemini", "--launch", "--no-session"], { env: { ...env, PATH: `${gemini.bin}${path.delimiter}${GIT_DIR}` } });
    expect(result.code, result.stderr).toBe(0);
    const args = recordedArgs(gemini.record);
    expect(args[0]).toBe("-i");
    expect(args).toHaveLength(2);
    expect(args[1]).toContain("handoff-prompt.md");
    expect(readFileSync(`${gemini.record}.file`, "utf8")).toContain("Step 2999:");
  });

  it("a prompt that fits is still passed as the argument itself", () => {
    const { root, env } = bigHandoff();
    writeFileSync(path.join(root, "handoff.config.json"), "{}");
    const codex = standIn("codex");
    const result = runHandoff(root, ["switch", "claude", "codex", "--launch", "--no-session"], { env: { ...env, PATH: `${codex.bin}${path.delimiter}${GIT_DIR}` } });
    expect(result.code, result.stderr).toBe(0);
    const args = recordedArgs(codex.record);
    expect(args).toHaveLength(1);
    expect(args[0]).toMatch(/^I'm continuing work from Claude Code/);
    expect(existsSync(`${codex.record}.file`)).toBe(false);
  });
});
