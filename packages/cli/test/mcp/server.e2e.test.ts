/**
 * `handoff mcp` end to end: the built bin, started by the MCP SDK's own stdio client in a real git
 * repository, through initialize, the lists, every tool with good and bad input, both resources
 * and both prompts; what the tools save is read back from disk.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff, type TestRepo } from "@handoff/test-utils";
import { startMcp, textOf, until, type McpSession } from "./mcp-client.js";

const GITHUB_TOKEN = `ghp_${"a1B2c3D4e5".repeat(4)}`;
const CLAUDE_FILE = ".claude/.session-state.json";

const RULES = {
  rules: [
    {
      id: "no-console",
      severity: "STRICT",
      files: "src/**/*.ts",
      forbid: "console\\.log",
      message: "console.log left in",
      fix: "use the logger",
    },
  ],
};

/** The CLI's error lines for the same input: the tool's error text must be these. */
function cliError(repo: TestRepo, args: string[]): string {
  const result = runHandoff(repo.root, args, { env: { HANDOFF_OFFLINE: "1" } });
  expect(result.code).not.toBe(0);
  return result.stderr.split("\n").filter((line) => !line.startsWith("Usage:") && line !== "").join("\n");
}

describe("handoff mcp over stdio", () => {
  let repo: TestRepo;
  let mcp: McpSession;

  beforeAll(async () => {
    repo = createRepo();
    repo.commit("An app", {
      "src/app.ts": "export const app = 1;\n",
      "handoff.config.json": `${JSON.stringify(RULES, null, 2)}\n`,
    });
    mcp = await startMcp(repo.root);
  });

  afterAll(async () => {
    await mcp?.close();
    cleanupTempDirs();
  });

  const readState = (file = CLAUDE_FILE) => JSON.parse(readFileSync(path.join(repo.root, file), "utf8"));

  it("answers initialize as handoff, with tools, resources and prompts", () => {
    expect(mcp.client.getServerVersion()?.name).toBe("handoff");
    const capabilities = mcp.client.getServerCapabilities();
    expect(capabilities?.tools).toBeDefined();
    expect(capabilities?.resources?.listChanged).toBe(true);
    expect(capabilities?.prompts).toBeDefined();
    expect(mcp.client.getInstructions()).toContain("handoff_save");
  });

  it("lists four tools with their input schemas, two resource templates and two prompts", async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["handoff_restore", "handoff_save", "handoff_status", "handoff_validate"]);
    const save = tools.find((tool) => tool.name === "handoff_save")!;
    expect(save.inputSchema.required).toEqual(["agent"]);
    expect((save.inputSchema.properties as Record<string, { enum?: string[] }>).status?.enum).toContain("in_progress");
    const restore = tools.find((tool) => tool.name === "handoff_restore")!;
    expect((restore.inputSchema.properties as Record<string, { enum?: string[] }>).format?.enum).toEqual(["view", "prompt", "json"]);

    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual(["handoff://prompt/{agent}", "handoff://state/{agent}"]);
    expect((await mcp.client.listResources()).resources).toEqual([]);

    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(["escalate", "restore"]);
    expect(prompts.find((prompt) => prompt.name === "restore")!.arguments).toEqual([expect.objectContaining({ name: "agent", required: true })]);
  });

  it("handoff_status says there is no state yet", async () => {
    const result = await mcp.call("handoff_status");
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain("No session state saved");
    expect(result.structuredContent).toEqual({ agents: [], hook_errors: [] });
  });

  it("handoff_save writes the state, keeps earlier fields, and the resource list changes", async () => {
    const saved = await mcp.call("handoff_save", {
      agent: "claude",
      task: "Add the login form",
      status: "in_progress",
      priority: "high",
      next_steps: ["Write the form", "Wire the API"],
      reason: "rate limit",
      model: "claude-sonnet-4",
    });
    expect(saved.isError, textOf(saved)).toBeFalsy();
    expect(textOf(saved)).toContain(`Session state saved to ${CLAUDE_FILE}`);
    const onDisk = readState();
    expect(onDisk.task).toMatchObject({ description: "Add the login form", status: "in_progress", priority: "high" });
    expect(onDisk.context.next_steps).toEqual(["Write the form", "Wire the API"]);
    expect(onDisk.git.branch).toBe("main");
    expect(onDisk.git.last_commit).toContain(repo.head().slice(0, 7));
    expect((saved.structuredContent as { state: { task: unknown } }).state.task).toEqual(onDisk.task);

    const again = await mcp.call("handoff_save", { agent: "claude", status: "blocked" });
    expect(again.isError, textOf(again)).toBeFalsy();
    expect(readState().task).toMatchObject({ description: "Add the login form", status: "blocked", priority: "high" });
    expect(readState().context.next_steps).toEqual(["Write the form", "Wire the API"]);

    await until(() => mcp.listChanges() > 0);
    const { resources } = await mcp.client.listResources();
    expect(resources.map((resource) => resource.uri).sort()).toEqual(["handoff://prompt/claude", "handoff://state/claude"]);
  });

  it("sends list_changed when a state file appears from outside the server (a CLI save)", async () => {
    const before = mcp.listChanges();
    expect(runHandoff(repo.root, ["save", "gemini", "--task", "Review", "--offline"]).code).toBe(0);
    await until(() => mcp.listChanges() > before);
    const { resources } = await mcp.client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain("handoff://state/gemini");
  });

  it("handoff_save with bad input answers an error with the CLI's message and writes nothing", async () => {
    const before = readFileSync(path.join(repo.root, CLAUDE_FILE), "utf8");

    const unknown = await mcp.call("handoff_save", { agent: "nope", task: "x" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toBe(cliError(repo, ["save", "nope", "--task", "x"]));
    expect(textOf(unknown)).toContain('Unknown agent "nope"');

    const status = await mcp.call("handoff_save", { agent: "claude", status: "almost" });
    expect(status.isError).toBe(true);
    expect(textOf(status)).toContain('status must be one of pending, in_progress, blocked, completed; got "almost"');

    const types = await mcp.call("handoff_save", { agent: "claude", task: 42, next_steps: "one" });
    expect(types.isError).toBe(true);
    expect(textOf(types)).toMatch(/task/);
    expect(textOf(types)).toMatch(/next_steps/);

    const long = await mcp.call("handoff_save", { agent: "claude", task: "x".repeat(10_001), next_steps: Array.from({ length: 101 }, (_, i) => `step ${i}`) });
    expect(long.isError).toBe(true);
    expect(textOf(long)).toContain("task must be at most 10000 characters");
    expect(textOf(long)).toContain("next_steps must have at most 100 steps");

    expect(await mcp.call("handoff_save", {}).then((result) => result.isError)).toBe(true);
    expect(readFileSync(path.join(repo.root, CLAUDE_FILE), "utf8")).toBe(before);
  });

  it("handoff_restore gives the view, the prompt within a budget, and the JSON", async () => {
    const view = await mcp.call("handoff_restore", { agent: "claude" });
    expect(view.isError, textOf(view)).toBeFalsy();
    expect(textOf(view)).toBe(runHandoff(repo.root, ["restore", "claude"]).stdout.trimEnd());

    const prompt = await mcp.call("handoff_restore", { agent: "claude", format: "prompt" });
    expect(textOf(prompt)).toContain("Add the login form");
    expect(textOf(prompt)).toBe(runHandoff(repo.root, ["restore", "claude", "--prompt"]).stdout.trimEnd());

    const short = await mcp.call("handoff_restore", { agent: "claude", format: "prompt", max_tokens: 40 });
    expect(textOf(short)).toContain("Prompt shortened to fit 40 tokens");

    const json = await mcp.call("handoff_restore", { agent: "claude", format: "json" });
    expect((json.structuredContent as { state: unknown }).state).toEqual(readState());
    expect(JSON.parse(textOf(json))).toEqual(readState());
  });

  it("handoff_restore refreshes a state the repository moved past, as restore does", async () => {
    const head = repo.commit("More", { "src/more.ts": "export const more = 2;\n" });
    const status = await mcp.call("handoff_status");
    type Listed = { agents: { agent: string; freshness: string; stale_because?: string[] }[] };
    const claude = (status.structuredContent as Listed).agents.find((entry) => entry.agent === "claude")!;
    expect(claude).toMatchObject({ agent: "claude", freshness: "stale" });
    expect(claude.stale_because).toContain("new commits (HEAD moved)");
    expect(textOf(status)).toContain("claude: stale (new commits (HEAD moved)");

    const view = await mcp.call("handoff_restore", { agent: "claude" });
    expect(textOf(view)).toContain("its git part was refreshed");
    expect(readState().git.last_commit).toContain(head.slice(0, 7));
    const after = (await mcp.call("handoff_status")).structuredContent as Listed;
    expect(after.agents.find((entry) => entry.agent === "claude")).toMatchObject({ freshness: "fresh" });
  });

  it("handoff_restore with bad input answers the CLI's message and hint", async () => {
    const missing = await mcp.call("handoff_restore", { agent: "opencode" });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toBe(cliError(repo, ["restore", "opencode"]));
    expect(textOf(missing)).toContain("Run: npm run session:save opencode");
    expect((missing.structuredContent as { error: { code: string } }).error.code).toBe("E_STATE_NOT_FOUND");

    const format = await mcp.call("handoff_restore", { agent: "claude", format: "yaml" });
    expect(textOf(format)).toContain('format must be one of view, prompt, json; got "yaml"');
    const budget = await mcp.call("handoff_restore", { agent: "claude", format: "prompt", max_tokens: -3 });
    expect(budget.isError).toBe(true);
    expect(textOf(budget)).toContain("max_tokens must be a positive whole number");
  });

  it("every text that leaves is redacted, and so is what reaches the state file (as with handoff save)", async () => {
    const saved = await mcp.call("handoff_save", { agent: "claude", task: `Rotate ${GITHUB_TOKEN} before release` });
    expect(textOf(saved)).not.toContain(GITHUB_TOKEN);
    expect(JSON.stringify(saved.structuredContent)).not.toContain(GITHUB_TOKEN);
    expect(readState().task.description).toBe("Rotate [REDACTED] before release");

    for (const format of ["view", "prompt", "json"]) {
      const result = await mcp.call("handoff_restore", { agent: "claude", format });
      expect(textOf(result), format).toContain("[REDACTED]");
      expect(JSON.stringify(result), format).not.toContain(GITHUB_TOKEN);
    }
    const status = await mcp.call("handoff_status");
    expect(JSON.stringify(status)).not.toContain(GITHUB_TOKEN);
    for (const uri of ["handoff://state/claude", "handoff://prompt/claude"]) {
      expect(JSON.stringify(await mcp.client.readResource({ uri }))).not.toContain(GITHUB_TOKEN);
    }
    expect(JSON.stringify(await mcp.client.getPrompt({ name: "restore", arguments: { agent: "claude" } }))).not.toContain(GITHUB_TOKEN);
    await mcp.call("handoff_save", { agent: "claude", task: "Add the login form" });
  });

  it("handoff_validate runs the rules, answers file:line with rule and fix, and records them", async () => {
    repo.write({ "src/app.ts": "export const app = 1;\nconsole.log(app);\n" });
    const result = await mcp.call("handoff_validate", {});
    expect(result.isError, textOf(result)).toBeFalsy();
    const text = textOf(result);
    expect(text).toContain("❌ Validation failed");
    expect(text).toContain("src/app.ts:2  STRICT  no-console  console.log left in  (use the logger)");
    const structured = result.structuredContent as { ok: boolean; validation: { violations: unknown[]; strict_rules: string } };
    expect(structured.ok).toBe(false);
    expect(structured.validation.strict_rules).toBe("fail");
    expect(readState().validation.violations).toEqual([
      expect.objectContaining({ file: "src/app.ts", line: 2, rule: "no-console", fix: "use the logger" }),
    ]);
    expect(readState().validation.typescript).toBe("not_run");

    const unknown = await mcp.call("handoff_validate", { agent: "nope" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toBe(cliError(repo, ["validate", "--agent", "nope", "--no-checks"]));
    const checks = await mcp.call("handoff_validate", { checks: "yes" });
    expect(checks.isError).toBe(true);
    expect(textOf(checks)).toContain("checks must be true or false");
  });

  it("reads both resources, and both prompts", async () => {
    const state = await mcp.client.readResource({ uri: "handoff://state/claude" });
    expect(state.contents[0]).toMatchObject({ uri: "handoff://state/claude", mimeType: "application/json" });
    expect(JSON.parse((state.contents[0] as { text: string }).text)).toEqual(readState());

    const prompt = await mcp.client.readResource({ uri: "handoff://prompt/claude" });
    expect(prompt.contents[0]).toMatchObject({ mimeType: "text/markdown" });
    expect((prompt.contents[0] as { text: string }).text).toContain("Add the login form");

    await expect(mcp.client.readResource({ uri: "handoff://state/opencode" })).rejects.toThrow(/No session state found for opencode/);

    const restore = await mcp.client.getPrompt({ name: "restore", arguments: { agent: "claude" } });
    expect(restore.messages[0]).toMatchObject({ role: "user", content: { type: "text" } });
    expect((restore.messages[0]!.content as { text: string }).text).toContain("Add the login form");

    const escalate = await mcp.client.getPrompt({ name: "escalate", arguments: { agent: "claude" } });
    const text = (escalate.messages[0]!.content as { text: string }).text;
    expect(text).toContain("Escalated from Claude Code");
    expect(text).toContain("- src/app.ts:2: console.log left in (no-console)");
    expect(text).toContain("Please fix the violations: use the logger.");

    await expect(mcp.client.getPrompt({ name: "escalate", arguments: { agent: "nope" } })).rejects.toThrow(/Unknown agent "nope"/);
    const completion = await mcp.client.complete({ ref: { type: "ref/prompt", name: "restore" }, argument: { name: "agent", value: "cl" } });
    expect(completion.completion.values).toEqual(["claude"]);
  });

  it("a corrupt state file is an error for restore and save, is left byte for byte, and the server goes on", async () => {
    const corrupt = '{"version":"2.0","task":';
    mkdirSync(path.join(repo.root, ".opencode"), { recursive: true });
    writeFileSync(path.join(repo.root, ".opencode/.session-state.json"), corrupt);

    const restore = await mcp.call("handoff_restore", { agent: "opencode" });
    expect(restore.isError).toBe(true);
    expect(textOf(restore)).toBe(cliError(repo, ["restore", "opencode"]));

    const save = await mcp.call("handoff_save", { agent: "opencode", task: "Overwrite?" });
    expect(save.isError).toBe(true);
    expect(textOf(save)).toContain(".opencode/.session-state.json");
    expect(textOf(save)).toContain("handoff_save leaves it as it is");
    expect(readFileSync(path.join(repo.root, ".opencode/.session-state.json"), "utf8")).toBe(corrupt);

    const status = await mcp.call("handoff_status");
    expect(status.isError).toBeFalsy();
    expect(textOf(status)).toMatch(/❌ opencode \(\.opencode\/\.session-state\.json\)/);
    expect((await mcp.call("handoff_restore", { agent: "claude" })).isError).toBeFalsy();
  });

  it("writes nothing but protocol messages on stdout", () => {
    expect(mcp.errors).toEqual([]);
  });
});

describe("handoff mcp outside a repository", () => {
  afterAll(cleanupTempDirs);

  it("answers each tool with the CLI's error, and keeps running", async () => {
    const dir = makeTempDir();
    const mcp = await startMcp(dir);
    try {
      const cli = runHandoff(dir, ["status"]);
      const expected = cli.stderr.trimEnd();
      expect(cli.code).toBe(1);
      for (const [tool, args] of [["handoff_status", {}], ["handoff_save", { agent: "claude" }], ["handoff_validate", {}]] as const) {
        const result = await mcp.call(tool, args);
        expect(result.isError, tool).toBe(true);
        expect(textOf(result), tool).toBe(expected);
      }
      expect((await mcp.client.listResources()).resources).toEqual([]);
      expect(mcp.errors).toEqual([]);
    } finally {
      await mcp.close();
    }
  });
});

describe("handoff mcp and stray console output", () => {
  afterAll(cleanupTempDirs);

  it("sends what a library prints with console.log to stderr, never into the protocol on stdout", async () => {
    const repo = createRepo();
    repo.commit("An app", { "src/app.ts": "export const app = 1;\n" });
    const noisy = path.join(makeTempDir(), "noisy.cjs");
    // Loaded before handoff: prints on stdout through console.log every few milliseconds.
    writeFileSync(noisy, 'setInterval(() => console.log("stray line from a library"), 5).unref();\n');
    const mcp = await startMcp(repo.root, { NODE_OPTIONS: `--require ${noisy}` });
    try {
      await until(() => mcp.stderr().includes("stray line from a library") || mcp.errors.length > 0);
      for (let call = 0; call < 5; call++) expect((await mcp.call("handoff_status")).isError).toBeFalsy();
      expect(mcp.errors).toEqual([]);
    } finally {
      await mcp.close();
    }
  });
});
