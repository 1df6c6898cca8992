import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { listAgents } from "@handoff/core";
import { cleanupTempDirs, createRepo, runHandoff, testEnv } from "@handoff/test-utils";
import { expectStateOnHead, handoff, snapshotFolder, hooksSettled } from "./e2e-helpers.js";

afterAll(async () => {
  await hooksSettled();
  cleanupTempDirs();
});

const HUSKY_BIN = fileURLToPath(new URL("../../../node_modules/husky/bin.js", import.meta.url));

const read = (root: string, file: string) => readFileSync(path.join(root, file), "utf8");

describe("handoff init (built bin)", () => {
  it("adds the session scripts without touching the user's, keeps package.json's formatting, ignores the state files and installs the hooks", async () => {
    const repo = createRepo();
    const manifest = [
      "{",
      '    "name": "app",',
      '    "scripts": {',
      '        "test": "vitest run",',
      '        "session:save": "./scripts/save-session-state.sh"',
      "    },",
      '    "lint-staged": { "*.ts": "eslint --fix" }',
      "}",
      "",
    ].join("\n");
    repo.commit("app", { "package.json": manifest });

    const first = handoff(repo.root, "init");
    expect(first).toContain('package.json already has a "session:save" script (./scripts/save-session-state.sh); left it as it is.');
    expect(first).toContain('package.json: added "prepare": "handoff hooks install --prepare || exit 0" (installs the git hooks in every clone)');
    expect(read(repo.root, "package.json")).toBe(
      manifest.replace(
        '"session:save": "./scripts/save-session-state.sh"\n',
        '"session:save": "./scripts/save-session-state.sh",\n        "session:restore": "handoff restore",\n        "session:handoff": "handoff switch",\n        "prepare": "handoff hooks install --prepare || exit 0"\n',
      ),
    );
    const ignore = read(repo.root, ".gitignore");
    // Every built-in agent's state file, so that no agent's first save edits a tracked .gitignore.
    expect(listAgents()).toHaveLength(18);
    for (const { file } of listAgents()) expect(ignore.split("\n")).toContain(`${file}*`);
    expect(existsSync(path.join(repo.root, ".git/hooks/post-commit"))).toBe(true);

    const files = { manifest: read(repo.root, "package.json"), ignore, hooks: snapshotFolder(path.join(repo.root, ".git/hooks")) };
    const second = handoff(repo.root, "init");
    expect(second).toContain("already installed");
    expect(second).toContain("already ignored");
    expect({ manifest: read(repo.root, "package.json"), ignore: read(repo.root, ".gitignore"), hooks: snapshotFolder(path.join(repo.root, ".git/hooks")) }).toEqual(files);

    repo.commit("set up handoff", { ".gitignore": ignore });
    handoff(repo.root, "save", "claude", "--task", "Ship it");
    repo.commit("work", { "work.ts": "1\n" });
    await expectStateOnHead(repo, "Ship it");
    const scripts = JSON.parse(read(repo.root, "package.json")).scripts as Record<string, string>;
    expect(scripts["session:restore"]).toBe("handoff restore");
  });

  it("appends its prepare step to the user's own prepare script, once", () => {
    const repo = createRepo();
    repo.commit("app", { "package.json": '{ "name": "app", "scripts": { "prepare": "husky" } }\n' });
    expect(handoff(repo.root, "init")).toContain('package.json: appended "handoff hooks install --prepare || exit 0" to your "prepare" script');
    expect(JSON.parse(read(repo.root, "package.json")).scripts.prepare).toBe("husky && (handoff hooks install --prepare || exit 0)");
    handoff(repo.root, "init");
    expect(JSON.parse(read(repo.root, "package.json")).scripts.prepare).toBe("husky && (handoff hooks install --prepare || exit 0)");
  });

  it("works without a package.json", () => {
    const repo = createRepo();
    const output = handoff(repo.root, "init");
    expect(output).toContain("No package.json here");
    expect(existsSync(path.join(repo.root, "package.json"))).toBe(false);
    expect(existsSync(path.join(repo.root, ".git/hooks/post-checkout"))).toBe(true);
  });

  it("adds a scripts object, in the file's own tab indentation, and installs into husky next to lint-staged", () => {
    const repo = createRepo();
    repo.commit("app", {
      "package.json": '{\n\t"name": "app",\n\t"lint-staged": {\n\t\t"*.ts": "eslint"\n\t}\n}\n',
      ".husky/pre-commit": "npx lint-staged\n",
    });
    execFileSync(process.execPath, [HUSKY_BIN], { cwd: repo.root, env: testEnv(), stdio: "pipe" });

    const output = handoff(repo.root, "init");
    expect(output).toContain("husky's .husky/");
    expect(read(repo.root, "package.json")).toBe(
      '{\n\t"name": "app",\n\t"lint-staged": {\n\t\t"*.ts": "eslint"\n\t},\n\t"scripts": {\n\t\t"session:save": "handoff save",\n\t\t"session:restore": "handoff restore",\n\t\t"session:handoff": "handoff switch",\n\t\t"prepare": "handoff hooks install --prepare || exit 0"\n\t}\n}\n',
    );
    expect(read(repo.root, ".husky/pre-commit")).toBe("npx lint-staged\n");
    expect(read(repo.root, ".husky/post-commit")).toContain("handoff");
  });

  it("does not add an entry a .gitignore pattern already covers", () => {
    const repo = createRepo();
    repo.commit("ignore", { ".gitignore": ".claude/\n**/.session-state.json\n" });
    handoff(repo.root, "init");
    // `.claude/` covers claude's state and what lies beside it; `**/.session-state.json` only the
    // state files themselves, not their backups and temporary files: those get the `*` lines.
    const others = listAgents().filter((agent) => agent.name !== "claude").map((agent) => `${agent.file}*`);
    expect(read(repo.root, ".gitignore")).toBe(
      `.claude/\n**/.session-state.json\n\n# handoff: agent session state files (local to each checkout)\n${others.join("\n")}\n`,
    );
  });

  it("stops with a clear error on a package.json that is not JSON, and changes nothing", () => {
    const repo = createRepo();
    writeFileSync(path.join(repo.root, "package.json"), '{ "name": "app", }\n');
    const result = runHandoff(repo.root, ["init"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("package.json: is not valid JSON");
    expect(read(repo.root, "package.json")).toBe('{ "name": "app", }\n');
    expect(existsSync(path.join(repo.root, ".git/hooks/post-commit"))).toBe(false);
  });
});
