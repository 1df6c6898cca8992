import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { readAgentSessionIncrementally } from "../../src/sessions/incremental.js";
import { installFixture } from "../fixtures/sessions/install.js";

afterAll(cleanupTempDirs);

const SESSION = "11111111-2222-4333-8444-555555555555";

function claudeSetup() {
  const root = makeTempDir();
  const home = makeTempDir("handoff-home-");
  installFixture("claude", path.join(home, ".claude"), root);
  const transcript = path.join(home, ".claude/projects", root.replace(/[^a-zA-Z0-9]/g, "-"), `${SESSION}.jsonl`);
  const options = { agent: "claude", root, memoryDir: path.join(makeTempDir(), "sessions"), transcript, sessionId: SESSION, env: { HOME: home } };
  return { root, transcript, options };
}

const bashTurn = (root: string, id: string, command: string) =>
  `${JSON.stringify({ type: "assistant", cwd: root, sessionId: SESSION, message: { model: "claude-opus-4-1", content: [{ type: "tool_use", id, name: "Bash", input: { command } }] } })}\n`;

describe("readAgentSessionIncrementally", () => {
  it("reads a transcript whole once, then only the complete lines appended since", async () => {
    const { root, transcript, options } = claudeSetup();
    const first = await readAgentSessionIncrementally(options);
    expect(first.read).toBe("whole");
    expect(first.session?.input.task).toContain("Add rate limiting to the login endpoint");
    expect(JSON.stringify(first.session?.input)).not.toContain("AKIAFAKE7EXAMPLE1234");

    expect((await readAgentSessionIncrementally(options)).read).toBe("unchanged");

    // An earlier line changed in place (same length) is not read again: only appended bytes are.
    const text = readFileSync(transcript, "utf8");
    writeFileSync(transcript, text.replace("Add rate limiting", "Add RATE limiting"));
    const line = bashTurn(root, "toolu_9", "pnpm test -- login");
    appendFileSync(transcript, line.slice(0, 40));
    expect((await readAgentSessionIncrementally(options)).read).toBe("unchanged");
    appendFileSync(transcript, line.slice(40));

    const appended = await readAgentSessionIncrementally(options);
    expect(appended.read).toBe("appended");
    expect(appended.session?.input.task).toContain("Add rate limiting");
    expect(appended.session?.input.model).toBe("claude-opus-4-1");
    expect(appended.session?.input.commandsRun?.at(-1)?.command).toBe("pnpm test -- login");
    expect(appended.session?.input.filesCreated).toEqual(first.session?.input.filesCreated);
  });

  it("reads whole again when the transcript was replaced by a shorter one", async () => {
    const { root, transcript, options } = claudeSetup();
    await readAgentSessionIncrementally(options);
    writeFileSync(transcript, `${JSON.stringify({ type: "user", cwd: root, sessionId: SESSION, message: { role: "user", content: "Start over: write the README" } })}\n`);
    const again = await readAgentSessionIncrementally(options);
    expect(again.read).toBe("whole");
    expect(again.session?.input.task).toBe("Start over: write the README");
  });

  it("redacts what the appended lines add", async () => {
    const { root, transcript, options } = claudeSetup();
    await readAgentSessionIncrementally(options);
    appendFileSync(transcript, bashTurn(root, "toolu_s", "curl -H 'Authorization: Bearer sk-proj-FAKEfakeFAKEfake0123456789abcdef0123456789' api"));
    const appended = await readAgentSessionIncrementally(options);
    expect(appended.read).toBe("appended");
    expect(JSON.stringify(appended.session?.input)).not.toContain("sk-proj-FAKE");
    expect(appended.session?.redactions).toBeGreaterThan(0);
  });

  it("reads the sessions of other agents whole, as readAgentSession does", async () => {
    const root = makeTempDir();
    const home = makeTempDir("handoff-home-");
    installFixture("gemini", path.join(home, ".gemini"), root);
    const result = await readAgentSessionIncrementally({ agent: "gemini", root, memoryDir: makeTempDir(), env: { HOME: home } });
    expect(result.read).toBe("whole");
    expect(result.session?.agent).toBe("gemini");
  });
});
