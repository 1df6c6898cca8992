import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { eventually } from "../e2e-helpers.js";
import { CLAUDE, payload } from "./payloads.js";
import { handoff, readJson, repoWithHandoff, runAsAgent, savesSettled, write } from "./helpers.js";

afterAll(async () => {
  await savesSettled();
  cleanupTempDirs();
});

describe("what handoff status and handoff agents show", () => {
  it("lists the agent hooks installed here and when each last fired", async () => {
    const { root, home } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude,cursor"]);
    const command = readJson(root, ".claude/settings.json").hooks.Stop[0].hooks[0].command as string;
    expect(runAsAgent(root, command, { stdin: payload(CLAUDE.stop, { root }), home }).code).toBe(0);
    await eventually(() => expect(readJson(root, ".git/handoff/agent-hooks.json").agents.claude.fired.stop).toBeTypeOf("string"));

    const status = handoff(root, ["status"]);
    expect(status).toMatch(/Agent hooks:\n\s+AGENT\s+FILES\s+LAST FIRED\n\s+claude\s+\.claude\/settings\.json\s+stop, \d+s ago\n\s+cursor\s+\.cursor\/hooks\.json\s+not fired yet\n/);

    const agents = handoff(root, ["agents"]);
    expect(agents).toMatch(/AGENT\s+NAME\s+STATE FILE\s+STATE\s+SESSION\s+HOOKS/);
    expect(agents).toMatch(/\ncursor\s.*not fired yet/);
    const json = JSON.parse(handoff(root, ["agents", "--json"])) as { name: string; hooks: { installed: boolean; files: string[]; fired: Record<string, string> } | null }[];
    const claude = json.find((agent) => agent.name === "claude")!;
    expect(claude.hooks).toMatchObject({ installed: true, files: [".claude/settings.json"] });
    expect(Date.parse(claude.hooks!.fired.stop!)).not.toBeNaN();
    expect(json.find((agent) => agent.name === "aider")!.hooks).toBeNull();
  });

  it("a save that fails goes to the hook log, and status says so; the agent sees nothing", async () => {
    const { root, home } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "claude"]);
    // A state file that is a symlink: handoff never writes through one.
    mkdirSync(path.join(root, ".claude"), { recursive: true });
    symlinkSync(path.join(makeTempDir(), "elsewhere.json"), path.join(root, ".claude/.session-state.json"));
    const command = readJson(root, ".claude/settings.json").hooks.Stop[0].hooks[0].command as string;
    expect(runAsAgent(root, command, { stdin: payload(CLAUDE.stop, { root }), home })).toEqual({ code: 0, stdout: "", stderr: "" });
    await eventually(() => expect(readFileSync(path.join(root, ".git/handoff/hooks.log"), "utf8")).toMatch(/ ERROR agent-claude: stop: .*symbolic link/));
    const status = handoff(root, ["status"]);
    expect(status).toContain("(agent-claude,");
  });

  it("a state a session start cannot read quickly is left out and named in the hook log", () => {
    const { root, home } = repoWithHandoff();
    handoff(root, ["hooks", "install", "--agents", "codex"]);
    write(root, ".claude/.session-state.json", '{"version":"2.0","task":');
    const command = readJson(root, ".codex/hooks.json").hooks.SessionStart[0].hooks[0].command as string;
    expect(runAsAgent(root, command, { stdin: "{}", home })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(path.join(root, ".git/handoff/hooks.log"), "utf8")).toMatch(/ WARN agent-codex: session-start: left out \.claude\/\.session-state\.json; run `handoff restore claude` to check it/);
  });
});
