import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, type TestRepo } from "@handoff/test-utils";
import { CONFIG_FILE } from "../../src/config/file-name.js";
import { agentIn, openRepo } from "../../src/workflows/open-repo.js";
import { saveSession } from "../../src/workflows/save-session.js";
import { writeHandOver } from "../../src/workflows/write-hand-over.js";
import { handoffError, minimalState } from "../reliability/helpers.js";

afterAll(cleanupTempDirs);

/** Every file under .git with its bytes (objects and logs left out: they only grow). */
function gitFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!["objects", "logs"].includes(entry.name)) walk(full);
      } else files.set(path.relative(root, full), readFileSync(full, "latin1"));
    }
  };
  walk(path.join(root, ".git"));
  return files;
}

function repoWithAgents(agents: Record<string, unknown>): TestRepo {
  const repo = createRepo();
  repo.write({ ".git/hooks/pre-commit": "#!/bin/sh\necho mine\n" });
  repo.commit("config", { [CONFIG_FILE]: JSON.stringify({ agents }), "README.md": "# readme\n", "src/a.ts": "a\n" });
  return repo;
}

describe("a config that aims state files at .git, tracked files or folders", () => {
  it.each([
    ["claude", ".git/config", "agents.claude"],
    ["claude", { file: ".git/HEAD" }, "agents.claude.file"],
    ["claude", { file: ".git/hooks/pre-commit" }, "agents.claude.file"],
    ["claude", ".git", "agents.claude"],
    ["mine", ".GIT/config", "agents.mine"],
    ["mine", "sub/.git/config", "agents.mine"],
    ["mine", { file: ".gitattributes" }, "agents.mine.file"],
    ["mine", "handoff.config.json", "agents.mine"],
  ])("agents.%s = %j is a config error naming %s; .git is left byte for byte", async (name, entry, field) => {
    const repo = repoWithAgents({ [name]: entry });
    const before = gitFiles(repo.root);
    const error = await handoffError(() => saveSession({ cwd: repo.root, agent: name, input: { task: "t" } }), "E_CONFIG_INVALID");
    expect(error.message).toMatch(new RegExp(`^${field.replaceAll(".", "\\.")}: `));
    expect(error.message).toContain("belongs to git or handoff");
    expect(gitFiles(repo.root)).toEqual(before);
  });

  it("a tracked file (even a built-in agent's default path) is a config error, and the file is untouched", async () => {
    const repo = repoWithAgents({ claude: "README.md" });
    const error = await handoffError(() => saveSession({ cwd: repo.root, agent: "claude", input: { task: "t" } }), "E_CONFIG_INVALID");
    expect(error.message).toBe('agents.claude: is a file tracked by git; a state file must be an untracked file of its own in the work tree');
    expect(error.hint).toContain('git rm --cached -- "README.md"');
    expect(readFileSync(path.join(repo.root, "README.md"), "utf8")).toBe("# readme\n");

    const committed = createRepo();
    committed.commit("state", { ".claude/.session-state.json": "{}\n" });
    const built = await handoffError(() => saveSession({ cwd: committed.root, agent: "claude", input: { task: "t" } }), "E_CONFIG_INVALID");
    expect(built.message).toContain('the state file of claude (".claude/.session-state.json", its default): is a file tracked by git');
    expect(readFileSync(path.join(committed.root, ".claude/.session-state.json"), "utf8")).toBe("{}\n");
  });

  it.each([
    ["the index read by handoff", []],
    ["index version 4 (git's ls-files answers)", ["update-index", "--index-version", "4"]],
    ["a split index (git's ls-files answers)", ["update-index", "--split-index"]],
  ])("a committed default state file is refused with %s, and after git add -N", async (_, layout) => {
    const repo = createRepo();
    repo.commit("state", { ".claude/.session-state.json": "{}\n", "README.md": "# readme\n" });
    if (layout.length) repo.git(...layout);
    const error = await handoffError(() => saveSession({ cwd: repo.root, agent: "claude", input: { task: "t" } }), "E_CONFIG_INVALID");
    expect(error.message).toContain("is a file tracked by git");
    expect(readFileSync(path.join(repo.root, ".claude/.session-state.json"), "utf8")).toBe("{}\n");

    repo.write({ ".codex/.session-state.json": "{}\n" });
    repo.git("add", "-N", ".codex/.session-state.json");
    await handoffError(() => saveSession({ cwd: repo.root, agent: "codex", input: { task: "t" } }), "E_CONFIG_INVALID");
    expect(readFileSync(path.join(repo.root, ".codex/.session-state.json"), "utf8")).toBe("{}\n");
    // Untracked again, the same path saves.
    repo.git("rm", "-q", "--cached", "--", ".claude/.session-state.json");
    await saveSession({ cwd: repo.root, agent: "claude", input: { task: "t" } });
    expect(readFileSync(path.join(repo.root, ".claude/.session-state.json"), "utf8")).toContain('"t"');
  });

  it("a folder (tracked or not) is a config error and is never moved aside", async () => {
    const repo = repoWithAgents({ claude: { file: "src" }, mine: "empty" });
    mkdirSync(path.join(repo.root, "empty"));
    writeFileSync(path.join(repo.root, "empty", "notes.txt"), "mine\n");
    const tracked = await handoffError(() => saveSession({ cwd: repo.root, agent: "claude", input: { task: "t" } }), "E_CONFIG_INVALID");
    expect(tracked.message).toMatch(/^agents\.claude\.file: is a folder/);
    const untracked = await handoffError(() => saveSession({ cwd: repo.root, agent: "mine", input: { task: "t" } }), "E_CONFIG_INVALID");
    expect(untracked.message).toMatch(/^agents\.mine: is a folder/);
    expect(readdirSync(repo.root).sort()).toEqual([".git", "README.md", "empty", "handoff.config.json", "src"]);
    expect(readFileSync(path.join(repo.root, "empty", "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("a handoff onto a tracked file is refused before anything is backed up", async () => {
    const repo = repoWithAgents({ opencode: "README.md" });
    const opened = await openRepo(repo.root);
    const to = agentIn(opened, "opencode");
    await handoffError(() => writeHandOver({ opened, source: minimalState({ agent: "claude" }), to }), "E_CONFIG_INVALID");
    expect(readdirSync(repo.root).sort()).toEqual([".git", "README.md", "handoff.config.json", "src"]);
  });
});
