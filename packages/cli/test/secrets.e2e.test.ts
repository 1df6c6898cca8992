/**
 * The secrets corpus (core/test/fixtures/secrets-corpus.ts: a sample of every family of gitleaks'
 * and secretlint's rules, and the shapes found passing in real command lists) must not reach the
 * state file, a prompt, the switch output, a launched agent or git history.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff, type TestRepo } from "@handoff/test-utils";
import { SECRET_SAMPLES } from "../../core/test/fixtures/secrets-corpus.js";

afterAll(cleanupTempDirs);

const GIT_DIR = path.dirname(execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim());
const CLAUDE_FILE = ".claude/.session-state.json";

/** Neither a secret nor its first half (what a cut before redaction would print). */
function expectNoSecret(where: string, text: string): void {
  for (const { family, secret } of SECRET_SAMPLES) {
    expect(text, `${family} in ${where}`).not.toContain(secret);
    expect(text, `half of ${family} in ${where}`).not.toContain(secret.slice(0, Math.ceil(secret.length / 2)));
  }
}

const TASK = `Ship the billing fix. Commands that worked:\n${SECRET_SAMPLES.map((sample) => sample.text).join("\n")}`;
const NEXT = SECRET_SAMPLES.slice(0, 8).map((sample) => `re-run: ${sample.text}`);

function savedWithSecrets(): TestRepo {
  const repo = createRepo();
  repo.write({ "billing.ts": "export const fix = 1;\n" });
  const saved = runHandoff(repo.root, ["save", "claude", "--task", TASK, ...NEXT.flatMap((step) => ["--next", step]), "--reason", `rate limit; ${SECRET_SAMPLES[0]!.text}`]);
  expect(saved.code, saved.stderr).toBe(0);
  expect(saved.stderr).toMatch(/🔒 Redacted \d+ secrets from the options before saving/);
  return repo;
}

/** A state file holding the secrets as another tool (or an older handoff) might have written it. */
function stateFileWithSecrets(): TestRepo {
  const repo = createRepo();
  expect(runHandoff(repo.root, ["save", "claude", "--task", "placeholder"]).code).toBe(0);
  const file = path.join(repo.root, CLAUDE_FILE);
  const state = JSON.parse(readFileSync(file, "utf8"));
  state.task.description = TASK;
  state.context.next_steps = NEXT;
  writeFileSync(file, JSON.stringify(state, null, 2));
  return repo;
}

/** A stand-in agent CLI on PATH that writes its arguments and stdin to files. */
function standIn(name: string): { bin: string; dump: string } {
  const bin = makeTempDir("handoff-bin-");
  const dump = path.join(bin, `${name}.dump`);
  writeFileSync(path.join(bin, name), `#!/bin/sh\nprintf '%s\\n' "$@" > "${dump}"\ncat >> "${dump}" 2>/dev/null || true\n`);
  chmodSync(path.join(bin, name), 0o755);
  return { bin, dump };
}

describe("the secrets corpus", () => {
  it("is redacted in the state file that save writes", () => {
    const repo = savedWithSecrets();
    const state = readFileSync(path.join(repo.root, CLAUDE_FILE), "utf8");
    expectNoSecret("the state file", state);
    expect(JSON.parse(state).task.description).toContain("[REDACTED]");
    expect(JSON.parse(state).task.description).toContain("Ship the billing fix");
  });

  it("is redacted in restore --prompt, from a state file that holds it", () => {
    const repo = stateFileWithSecrets();
    const result = runHandoff(repo.root, ["restore", "claude", "--prompt"]);
    expect(result.code, result.stderr).toBe(0);
    expectNoSecret("restore --prompt", result.stdout);
    expect(result.stdout).toContain("Ship the billing fix");
    expect(result.stderr).toMatch(/🔒 Redacted \d+ secrets from the prompt/);
  });

  it("is redacted before --max-tokens cuts, at every cut point", () => {
    const repo = stateFileWithSecrets();
    // Budgets whose cut falls inside the task, so inside one secret or another.
    for (let tokens = 60; tokens <= 600; tokens += 37) {
      const result = runHandoff(repo.root, ["restore", "claude", "--prompt", "--max-tokens", String(tokens)]);
      expect(result.code, result.stderr).toBe(0);
      expectNoSecret(`restore --prompt --max-tokens ${tokens}`, result.stdout);
    }
  });

  it("is redacted in the switch output, the target's state file and --json", () => {
    const repo = stateFileWithSecrets();
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--reason", SECRET_SAMPLES[1]!.text]);
    expect(result.code, result.stderr).toBe(0);
    expectNoSecret("switch stdout", result.stdout);
    expectNoSecret("switch stderr", result.stderr);
    expect(result.stdout).toContain("Ship the billing fix");
    expectNoSecret("the target's state file", readFileSync(path.join(repo.root, ".opencode/.session-state.json"), "utf8"));
    const json = runHandoff(repo.root, ["switch", "claude", "codex", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    expectNoSecret("switch --json", json.stdout);
  });

  it("is redacted in what --launch hands the agent's CLI", () => {
    const repo = stateFileWithSecrets();
    const agent = standIn("opencode");
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--launch"], { env: { PATH: `${agent.bin}${path.delimiter}${GIT_DIR}` } });
    expect(result.code, result.stderr).toBe(0);
    const handed = readFileSync(agent.dump, "utf8");
    expect(handed).toContain("Ship the billing fix");
    expectNoSecret("the launched CLI's arguments", handed);
  });

  it("is redacted in the clipboard text of --copy", () => {
    const repo = stateFileWithSecrets();
    const xclip = standIn("xclip");
    const result = runHandoff(repo.root, ["switch", "claude", "codex", "--copy"], { env: { PATH: `${xclip.bin}${path.delimiter}${GIT_DIR}`, WAYLAND_DISPLAY: "" } });
    expect(result.code, result.stderr).toBe(0);
    const copied = readFileSync(xclip.dump, "utf8");
    expect(copied).toContain("Ship the billing fix");
    expectNoSecret("the clipboard", copied);
  });

  it("never enters git history through switch --commit", () => {
    const repo = stateFileWithSecrets();
    repo.write({ "work.ts": "changed\n" });
    const result = runHandoff(repo.root, ["switch", "claude", "opencode", "--commit"]);
    expect(result.code, result.stderr).toBe(0);
    const message = repo.git("log", "-1", "--format=%B");
    expect(message).toMatch(/^wip: Ship the billing fix/);
    expectNoSecret("the WIP commit message", message);
  });
});
