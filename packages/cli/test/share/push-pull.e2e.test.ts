import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cleanupTempDirs, HANDOFF_BIN, testEnv } from "@handoff/test-utils";
import { cloneOf, ok, readJson, remoteWithClone, saveAt, untouched } from "./helpers.js";

afterAll(cleanupTempDirs);

function pushAsync(cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HANDOFF_BIN, "push"], { cwd, env: testEnv() });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

const CLAUDE = ".claude/.session-state.json";
const OPENCODE = ".opencode/.session-state.json";
/** A branch name with a slash, a non-ASCII letter and punctuation git accepts. */
const BRANCH = "feat/ü-#42.login";
const REF = `refs/handoff/${BRANCH}`;

describe("handoff push and pull", () => {
  it("carries the states to another clone, where restore --prompt gives the same prompt", () => {
    const { remote, first } = remoteWithClone(BRANCH);
    ok(first.handoff("save", "claude", "--task", "Implement auth", "--next", "Test the login flow", "--next", "Update env vars"));
    const beforePush = untouched(first);
    const pushed = ok(first.handoff("push"));
    expect(pushed).toContain(`✅ Pushed the session states of ${BRANCH} to origin (${REF}): claude`);
    expect(untouched(first)).toEqual(beforePush);
    expect(first.git("ls-remote", "origin", REF)).toContain(REF);

    const second = cloneOf(remote, BRANCH);
    const beforePull = untouched(second);
    const pulled = ok(second.handoff("pull"));
    expect(pulled).toBe(
      `✅ Pulled the session states of ${BRANCH} from origin (${REF}):\n   claude: written to ${CLAUDE}\n   Next: handoff restore claude --prompt\n`,
    );
    // The state file is written, and ignored: the index, the refs and what git shows are as they were.
    expect(untouched(second)).toEqual(beforePull);
    expect(existsSync(path.join(second.root, CLAUDE))).toBe(true);

    // A cloud agent works on a branch of its own, or on a detached HEAD: --branch names the one to take over.
    const cloud = cloneOf(remote, BRANCH);
    cloud.git("switch", "-q", "--detach");
    expect(ok(cloud.handoff("pull", "--branch", BRANCH))).toContain(`claude: written to ${CLAUDE}`);
    expect(cloud.handoff("pull", "--branch", "bad..name").stderr).toContain('❌ the branch "bad..name" cannot name a ref');

    const here = ok(first.handoff("restore", "claude", "--prompt"));
    const there = ok(second.handoff("restore", "claude", "--prompt"));
    expect(there).toBe(here);
    expect(there).toContain("Implement auth");

    // The same save, its git part refreshed on each machine: nothing to push, nothing to back up.
    second.git("commit", "-q", "--allow-empty", "-m", "more work on the desktop");
    ok(second.handoff("restore", "claude"));
    expect(ok(second.handoff("push"))).toContain(`✅ origin (${REF}) already has these states`);
    expect(ok(second.handoff("pull"))).toContain("claude: already up to date");
    expect(readdirSync(path.join(second.root, ".claude"))).toEqual([".session-state.json"]);
  });

  it("commits only redacted states; the local file is left as it is", () => {
    const { first } = remoteWithClone("main-work");
    const token = `ghp_${"A1b2C3d4E5".repeat(3)}123456`;
    ok(first.handoff("save", "claude", "--task", "Rotate the token"));
    // save redacts what is typed; a state written by an older handoff or another tool may still hold a secret.
    const file = path.join(first.root, CLAUDE);
    writeFileSync(file, readFileSync(file, "utf8").replace("Rotate the token", `Rotate the token ${token}`));
    const pushed = ok(first.handoff("push"));
    expect(pushed).toMatch(/🔒 1 secret was redacted before the commit/);
    const committed = first.git("show", "refs/handoff/main-work:claude.json");
    expect(committed).not.toContain(token);
    expect(committed).toContain("[REDACTED]");
    expect(readFileSync(file, "utf8")).toContain(token);
  });

  it("loses nothing when both clones changed: newer states win per agent, the older side is kept as a backup", () => {
    const { remote, first } = remoteWithClone(BRANCH);
    const second = cloneOf(remote, BRANCH);
    saveAt(first, "claude", "claude on the laptop", "2026-03-01T10:00:00Z");
    ok(first.handoff("push"));

    // The second machine never pulled: its claude state is older, its opencode state exists only there.
    saveAt(second, "claude", "claude on the desktop", "2026-03-01T09:00:00Z");
    saveAt(second, "opencode", "opencode on the desktop", "2026-03-01T11:00:00Z");
    const pushed = ok(second.handoff("push"));
    expect(pushed).toContain(`to origin (${REF}): opencode`);
    expect(pushed).toContain("origin keeps its newer state for: claude; run `handoff pull` to get it here");
    const onRemote = second.git("ls-tree", "--name-only", REF).split("\n").filter(Boolean);
    expect(onRemote).toEqual(["claude.json", "opencode.json"]);
    expect(JSON.parse(second.git("show", `${REF}:claude.json`)).task.description).toBe("claude on the laptop");
    // The first push is still in the ref's history: the merge commit has it as a parent.
    expect(second.git("rev-list", "--count", REF).trim()).toBe("2");

    const secondPull = ok(second.handoff("pull"));
    expect(secondPull).toMatch(/claude: the remote's state is newer and replaced \.claude\/\.session-state\.json; the local one was kept as \.claude\/\.session-state\.json\.replaced-\d{8}T\d{6}Z/);
    expect(secondPull).toContain("opencode: already up to date");
    expect(readJson(second.root, CLAUDE).task?.description).toBe("claude on the laptop");
    const backup = readdirSync(path.join(second.root, ".claude")).find((name) => name.includes(".replaced-"))!;
    expect(readJson(second.root, `.claude/${backup}`).task?.description).toBe("claude on the desktop");

    // Meanwhile the laptop moved on: its newer claude state stays, the remote's older one is kept beside it.
    saveAt(first, "claude", "claude on the laptop, later", "2026-03-01T12:00:00Z");
    const firstPull = ok(first.handoff("pull"));
    expect(firstPull).toContain(`opencode: written to ${OPENCODE}`);
    expect(firstPull).toMatch(/claude: the local state is newer and stays in \.claude\/\.session-state\.json; the remote's was kept as \.claude\/\.session-state\.json\.pulled-/);
    expect(readJson(first.root, CLAUDE).task?.description).toBe("claude on the laptop, later");
    expect(readJson(first.root, OPENCODE).task?.description).toBe("opencode on the desktop");
    // Backups are covered by the ignore line: nothing new for git to commit.
    expect(first.git("status", "--porcelain")).toBe("");
    expect(second.git("status", "--porcelain")).toBe("");
  });

  it("loses nothing when two clones push at the same moment: the one that loses the race fetches, merges and retries", async () => {
    const { remote, first } = remoteWithClone("race");
    const second = cloneOf(remote, "race");
    const third = cloneOf(remote, "race");
    ok(first.handoff("save", "claude", "--task", "from the laptop"));
    ok(second.handoff("save", "opencode", "--task", "from the desktop"));
    ok(third.handoff("save", "codex", "--task", "from the server"));
    const results = await Promise.all([first, second, third].map((clone) => pushAsync(clone.root)));
    expect(results.map((result) => result.code), results.map((result) => result.output).join("\n")).toEqual([0, 0, 0]);
    first.git("fetch", "-q", "origin", "+refs/handoff/race:refs/check/race");
    expect(first.git("ls-tree", "--name-only", "refs/check/race").split("\n").filter(Boolean)).toEqual(["claude.json", "codex.json", "opencode.json"]);
  });

  it("leaves a state file that git tracks alone: pull never changes a file of the branch", () => {
    const { remote, first } = remoteWithClone("tracked");
    ok(first.handoff("save", "claude", "--task", "from the laptop"));
    ok(first.handoff("push"));
    const second = cloneOf(remote, "tracked");
    ok(second.handoff("save", "claude", "--task", "committed by mistake"));
    second.git("add", "-f", CLAUDE);
    second.git("commit", "-q", "-m", "a tracked state");
    const pulled = ok(second.handoff("pull"));
    expect(second.handoff("pull").stderr).toContain(`${CLAUDE} is tracked by git, so pull leaves it alone; untrack it with \`git rm --cached ${CLAUDE}\``);
    expect(pulled).not.toContain("claude:");
    expect(second.git("status", "--porcelain")).toBe("");
  });

  it("moves an unreadable local state aside before writing the remote's, and says where", () => {
    const { remote, first } = remoteWithClone("broken-here");
    ok(first.handoff("save", "claude", "--task", "from the laptop"));
    ok(first.handoff("push"));
    const second = cloneOf(remote, "broken-here");
    mkdirSync(path.join(second.root, ".claude"));
    writeFileSync(path.join(second.root, CLAUDE), "{ broken");
    const pulled = ok(second.handoff("pull"));
    expect(pulled).toMatch(/claude: \.claude\/\.session-state\.json could not be read; it was moved to \.claude\/\.session-state\.json\.corrupt-\d{8}T\d{6}Z and the remote's state written/);
    const backup = readdirSync(path.join(second.root, ".claude")).find((name) => name.includes(".corrupt-"))!;
    expect(readFileSync(path.join(second.root, ".claude", backup), "utf8")).toBe("{ broken");
    expect(readJson(second.root, CLAUDE).task?.description).toBe("from the laptop");
  });

  it("pushes nothing when there is no state, and says how to make one", () => {
    const { first } = remoteWithClone("nothing");
    expect(first.handoff("push")).toEqual({ code: 1, stdout: "No session state here to push.\n   Run: handoff save <agent>   then: handoff push\n", stderr: "" });
    expect(first.git("ls-remote", "origin", "refs/handoff/*")).toBe("");
  });

  it("says when the remote has nothing for the branch, and exits 0 (a cloud agent's setup runs it anyway)", () => {
    const { first } = remoteWithClone("empty-branch");
    const pulled = first.handoff("pull");
    expect(pulled).toEqual({
      code: 0,
      stdout: "origin has no session states for empty-branch (refs/handoff/empty-branch).\n   On the machine that has them: handoff push\n",
      stderr: "",
    });
  });

  it("refuses a detached HEAD, an unknown remote, and says what to do", () => {
    const { first } = remoteWithClone("side");
    ok(first.handoff("save", "claude"));
    const unknown = first.handoff("push", "--remote=--upload-pack=touch /tmp/x");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('❌ "--upload-pack=touch /tmp/x" is not a remote of this repository');
    expect(unknown.stderr).toContain("use --remote with one of: origin");
    first.git("switch", "-q", "--detach");
    const detached = first.handoff("pull");
    expect(detached.code).toBe(1);
    expect(detached.stderr).toContain("HEAD is detached: handoff push and pull keep the states of a branch");
  });
});
