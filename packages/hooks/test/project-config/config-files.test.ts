import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isHandoffError } from "@handoff/core";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { installConfigEdits, uninstallConfigEdits, filesEditedBy, type ConfigEdit } from "../../src/project-config/index.js";

afterAll(cleanupTempDirs);

function project() {
  const root = makeTempDir();
  const gitDir = path.join(root, ".git");
  mkdirSync(gitDir);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const read = (file: string) => readFileSync(path.join(root, file), "utf8");
  return { target: { root, gitDir }, root, write, read };
}

const STOP_HOOK = { hooks: [{ type: "command", command: "handoff-hook claude stop" }] };
const HOOK_EDITS: ConfigEdit[] = [
  { kind: "json-append", path: ["hooks", "Stop"], value: STOP_HOOK, marker: "handoff-hook" },
  { kind: "json-set", path: ["env", "HANDOFF"], value: "1" },
];
const USER_SETTINGS = `{
    // the user's own comment
    "model": "opus",
    "hooks": {
        "Stop": [
            { "hooks": [ { "type": "command", "command": "say done" } ] }
        ]
    },
    "permissions": { "allow": ["Bash(ls)"] },
}
`;

describe("JSON project configuration", () => {
  it("adds handoff's entries after the user's, keeps comments, order and indentation, and gives the bytes back", async () => {
    const { target, write, read } = project();
    write(".claude/settings.json", USER_SETTINGS);
    const first = await installConfigEdits(target, "agent-hooks:claude", ".claude/settings.json", HOOK_EDITS);
    expect(first.action).toBe("updated");
    const installed = read(".claude/settings.json");
    expect(installed).toContain("// the user's own comment");
    expect(installed.indexOf("say done")).toBeLessThan(installed.indexOf("handoff-hook claude stop"));
    expect(installed).toMatch(/\n {8}"Stop": \[/);
    expect(installed.indexOf('"model"')).toBeLessThan(installed.indexOf('"permissions"'));

    const second = await installConfigEdits(target, "agent-hooks:claude", ".claude/settings.json", HOOK_EDITS);
    expect(second.action).toBe("unchanged");
    expect(read(".claude/settings.json")).toBe(installed);

    const removed = await uninstallConfigEdits(target, "agent-hooks:claude");
    expect(removed.map((change) => change.action)).toEqual(["restored"]);
    expect(read(".claude/settings.json")).toBe(USER_SETTINGS);
    expect(filesEditedBy(target.gitDir, "agent-hooks:claude")).toEqual([]);
  });

  it("creates a missing file with its folders and deletes both on uninstall", async () => {
    const { target, root, read } = project();
    const change = await installConfigEdits(target, "agent-hooks:gemini", ".gemini/settings.json", HOOK_EDITS);
    expect(change.action).toBe("created");
    expect(JSON.parse(read(".gemini/settings.json"))).toEqual({ hooks: { Stop: [STOP_HOOK] }, env: { HANDOFF: "1" } });
    expect(await uninstallConfigEdits(target, "agent-hooks:gemini")).toMatchObject([{ action: "deleted" }]);
    expect(existsSync(path.join(root, ".gemini"))).toBe(false);
  });

  it("replaces an older handoff entry in place instead of adding a second one", async () => {
    const { target, write, read } = project();
    write("s.json", JSON.stringify({ hooks: { Stop: [{ hooks: [{ command: "handoff-hook old" }] }, { hooks: [{ command: "mine" }] }] } }, null, 2));
    await installConfigEdits(target, "o", "s.json", HOOK_EDITS);
    const stop = (JSON.parse(read("s.json")) as { hooks: { Stop: unknown[] } }).hooks.Stop;
    expect(stop).toEqual([STOP_HOOK, { hooks: [{ command: "mine" }] }]);
  });

  it("takes out only handoff's part of a file the user changed after the install", async () => {
    const { target, write, read } = project();
    write("s.json", '{\n  "a": 1\n}\n');
    await installConfigEdits(target, "o", "s.json", HOOK_EDITS);
    write("s.json", read("s.json").replace('"a": 1', '"a": 2'));
    expect(await uninstallConfigEdits(target, "o")).toMatchObject([{ action: "removed" }]);
    expect(JSON.parse(read("s.json"))).toEqual({ a: 2 });
  });

  it("keeps another owner's edits when one owner uninstalls, and the original bytes when both have", async () => {
    const { target, write, read } = project();
    write("s.json", '{ "user": true }');
    await installConfigEdits(target, "hooks", "s.json", HOOK_EDITS);
    await installConfigEdits(target, "mcp", "s.json", [{ kind: "json-set", path: ["mcpServers", "handoff"], value: { command: "handoff" } }]);
    await uninstallConfigEdits(target, "hooks");
    expect(JSON.parse(read("s.json"))).toEqual({ user: true, mcpServers: { handoff: { command: "handoff" } } });
    await uninstallConfigEdits(target, "mcp");
    expect(read("s.json")).toBe('{ "user": true }');
  });

  it("leaves a file that does not parse untouched, with an error naming it", async () => {
    const { target, write, read } = project();
    write(".claude/settings.json", '{ "hooks": ');
    const error = await installConfigEdits(target, "o", ".claude/settings.json", HOOK_EDITS).catch((caught: unknown) => caught);
    expect(isHandoffError(error, "E_AGENT_CONFIG_INVALID")).toBe(true);
    expect((error as Error).message).toContain(path.join(target.root, ".claude/settings.json"));
    expect(read(".claude/settings.json")).toBe('{ "hooks": ');
  });

  it("refuses a value of the wrong kind on the way instead of replacing it", async () => {
    const { target, write, read } = project();
    write("s.json", '{ "hooks": { "Stop": "say done" } }');
    const error = await installConfigEdits(target, "o", "s.json", HOOK_EDITS).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('"hooks.Stop" is a string, not an array');
    expect(read("s.json")).toBe('{ "hooks": { "Stop": "say done" } }');
  });

  it("never writes through a symlinked folder", async () => {
    const { target, root } = project();
    const elsewhere = makeTempDir();
    symlinkSync(elsewhere, path.join(root, ".claude"));
    const error = await installConfigEdits(target, "o", ".claude/settings.json", HOOK_EDITS).catch((caught: unknown) => caught);
    expect(isHandoffError(error, "E_SYMLINK")).toBe(true);
    expect(existsSync(path.join(elsewhere, "settings.json"))).toBe(false);
  });
});

describe("text blocks and whole files", () => {
  const block: ConfigEdit = { kind: "text-block", start: "<!-- handoff:start -->", end: "<!-- handoff:end -->", body: "State: run `handoff restore`." };

  it("appends a block to AGENTS.md, updates it in place, and removes it to the byte", async () => {
    const { target, write, read } = project();
    const original = "# Agents\r\n\r\nUse pnpm.";
    write("AGENTS.md", original);
    await installConfigEdits(target, "agents-md", "AGENTS.md", [block]);
    expect(read("AGENTS.md")).toBe("# Agents\r\n\r\nUse pnpm.\r\n\r\n<!-- handoff:start -->\r\nState: run `handoff restore`.\r\n<!-- handoff:end -->\r\n");
    await installConfigEdits(target, "agents-md", "AGENTS.md", [{ ...block, body: "New text." }]);
    expect(read("AGENTS.md")).toContain("<!-- handoff:start -->\r\nNew text.\r\n<!-- handoff:end -->");
    expect(read("AGENTS.md").match(/handoff:start/g)).toHaveLength(1);
    await uninstallConfigEdits(target, "agents-md");
    expect(read("AGENTS.md")).toBe(original);
  });

  it("removes only its block from a file edited since", async () => {
    const { target, write, read } = project();
    write("AGENTS.md", "# Agents\n");
    await installConfigEdits(target, "agents-md", "AGENTS.md", [block]);
    write("AGENTS.md", `${read("AGENTS.md")}\nMore notes.\n`);
    await uninstallConfigEdits(target, "agents-md");
    expect(read("AGENTS.md")).toBe("# Agents\n\nMore notes.\n");
  });

  it("creates a whole file, refuses to replace someone else's, and deletes its own", async () => {
    const { target, root, write } = project();
    const plugin: ConfigEdit = { kind: "whole-file", content: "export const Handoff = 1;\n" };
    expect((await installConfigEdits(target, "p", ".opencode/plugin/handoff.js", [plugin])).action).toBe("created");
    expect((await installConfigEdits(target, "p", ".opencode/plugin/handoff.js", [plugin])).action).toBe("unchanged");
    await uninstallConfigEdits(target, "p");
    expect(existsSync(path.join(root, ".opencode"))).toBe(false);
    write(".opencode/plugin/handoff.js", "mine\n");
    await expect(installConfigEdits(target, "p", ".opencode/plugin/handoff.js", [plugin])).rejects.toThrow(/not handoff's/);
  });
});
