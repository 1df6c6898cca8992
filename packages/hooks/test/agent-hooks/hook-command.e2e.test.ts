import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, HANDOFF_BIN, makeTempDir } from "@handoff/test-utils";
import { installFixture } from "../../../core/test/fixtures/sessions/install.js";
import { agentHookCommand } from "../../src/agent-hooks/hook-command.js";
import { CLAUDE, payload } from "./payloads.js";
import { eventually } from "../e2e-helpers.js";
import { handoff, readJson, repoWithHandoff, runAsAgent, savesSettled, write } from "./helpers.js";

afterAll(async () => {
  await savesSettled();
  cleanupTempDirs();
});

const SESSION = "11111111-2222-4333-8444-555555555555";
const stopCommand = (root: string) => readJson(root, ".claude/settings.json").hooks.Stop[0].hooks[0].command as string;
const handoffEntries = (root: string) =>
  (readJson(root, ".claude/settings.json").hooks.Stop as { hooks: { command: string }[] }[]).filter((entry) => entry.hooks[0]!.command.includes("handoff hook"));

/**
 * The layout npm and pnpm give a project that depends on @handoff/cli: the package folder, and a
 * `.bin/handoff` that (like pnpm's) is a shell script; this one also leaves a note that it ran.
 */
function installedAsPackage(root: string): string {
  const note = path.join(makeTempDir("handoff-shim-"), "shim-ran");
  mkdirSync(path.join(root, "node_modules/@handoff"), { recursive: true });
  symlinkSync(path.dirname(path.dirname(HANDOFF_BIN)), path.join(root, "node_modules/@handoff/cli"));
  rmSync(path.join(root, "node_modules/.bin/handoff"));
  writeFileSync(path.join(root, "node_modules/.bin/handoff"), `#!/bin/sh\n: > '${note}'\nexec node '${HANDOFF_BIN}' "$@"\n`);
  chmodSync(path.join(root, "node_modules/.bin/handoff"), 0o755);
  return note;
}

describe("the agent hook command", () => {
  it("runs the package's cli.cjs with node, and node_modules/.bin/handoff only where the package is not there", async () => {
    const setup = repoWithHandoff();
    const note = installedAsPackage(setup.root);
    installFixture("claude", path.join(setup.home, ".claude"), setup.root);
    const transcript = path.join(setup.home, ".claude/projects", setup.root.replace(/[^a-zA-Z0-9]/g, "-"), `${SESSION}.jsonl`);
    handoff(setup.root, ["hooks", "install", "--agents", "claude"]);
    const stop = () => runAsAgent(setup.root, stopCommand(setup.root), { stdin: payload(CLAUDE.stop, { root: setup.root, transcript }), home: setup.home });

    expect(stop()).toEqual({ code: 0, stdout: "", stderr: "" });
    await eventually(() => expect(readJson(setup.root, ".claude/.session-state.json").agent).toBe("claude"));
    expect(existsSync(note)).toBe(false);

    await savesSettled();
    rmSync(path.join(setup.root, "node_modules/@handoff"), { recursive: true });
    expect(stop()).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(note)).toBe(true);
  });

  it("an entry in the earlier form (node_modules/.bin/handoff, as a teammate's committed settings may hold) is updated in place, and uninstall gives the file back", () => {
    const setup = repoWithHandoff();
    const current = agentHookCommand("claude", "stop");
    const guard = current.slice(0, current.indexOf(" && { if "));
    const earlier = `${guard} && node_modules/.bin/handoff hook claude stop 2>/dev/null; exit 0`;
    const userHook = { hooks: [{ type: "command", command: "say done" }] };
    const settings = { hooks: { Stop: [{ hooks: [{ type: "command", command: earlier, timeout: 30 }] }, userHook] } };
    const before = `${JSON.stringify(settings, null, 2)}\n`;
    write(setup.root, ".claude/settings.json", before);

    handoff(setup.root, ["hooks", "install", "--agents", "claude"]);
    expect(handoffEntries(setup.root).map((entry) => entry.hooks[0]!.command)).toEqual([current]);
    expect(stopCommand(setup.root)).toBe(current);
    expect(readJson(setup.root, ".claude/settings.json").hooks.Stop[1]).toEqual(userHook);

    handoff(setup.root, ["hooks", "uninstall", "--agents", "claude"]);
    expect(readFileSync(path.join(setup.root, ".claude/settings.json"), "utf8")).toBe(before);
  });
});
