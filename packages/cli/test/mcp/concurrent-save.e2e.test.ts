/**
 * handoff_save calls from two servers at once, with a `handoff save` in a terminal and a commit
 * whose post-commit hook refreshes the state in the background: every field each of them set is
 * in the file, which stays valid. (A new task description starts the task over, so the task is
 * set first: the calls at once each set other fields.)
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, runHandoff, testEnv } from "@handoff/test-utils";
import { startMcp, textOf, until } from "./mcp-client.js";

const STATE = ".claude/.session-state.json";

/** A child process run to its end, without blocking the event loop the MCP clients run on. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: testEnv(env), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the background refresh may still be writing
  cleanupTempDirs();
});

describe("handoff_save at the same time as a CLI save and a post-commit refresh", () => {
  it("loses no update and leaves a valid file", async () => {
    const repo = createRepo();
    repo.commit("An app", { "src/app.ts": "export const app = 1;\n" });
    expect(runHandoff(repo.root, ["hooks", "install"]).code).toBe(0);
    expect(runHandoff(repo.root, ["save", "claude", "--task", "Ship the login form"]).code).toBe(0);
    repo.write({ "src/app.ts": "export const app = 2;\n" });
    repo.git("add", "src/app.ts");

    const [first, second] = await Promise.all([startMcp(repo.root), startMcp(repo.root)]);
    try {
      const results = await Promise.all([
        second.call("handoff_save", { agent: "claude", priority: "high" }),
        first.call("handoff_save", { agent: "claude", next_steps: ["Wire the API", "Write the tests"] }),
        second.call("handoff_save", { agent: "claude", model: "claude-sonnet-4" }),
        first.call("handoff_save", { agent: "claude", status: "in_progress" }),
        run(process.execPath, [HANDOFF_BIN, "save", "claude", "--estimate", "2 hours", "--offline"], repo.root),
        run("git", ["commit", "-q", "-m", "Version 2"], repo.root),
      ]);
      for (const result of results) {
        if ("content" in result) expect(result.isError, textOf(result)).toBeFalsy();
        else expect(result.code, result.stderr).toBe(0);
      }

      const head = repo.git("rev-parse", "HEAD").trim();
      await until(() => {
        try {
          return JSON.parse(readFileSync(path.join(repo.root, ".git/handoff/last-refresh.json"), "utf8")).head === head;
        } catch {
          return false;
        }
      });

      const state = JSON.parse(readFileSync(path.join(repo.root, STATE), "utf8"));
      expect(state.task).toMatchObject({
        description: "Ship the login form",
        priority: "high",
        status: "in_progress",
        estimated_time: "2 hours",
      });
      expect(state.context.next_steps).toEqual(["Wire the API", "Write the tests"]);
      expect(state.model).toBe("claude-sonnet-4");

      // Valid for the full parser; a git part computed before the commit is seen as stale and refreshed.
      const restored = runHandoff(repo.root, ["restore", "claude", "--json"]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(JSON.parse(restored.stdout).git.last_commit).toContain(head.slice(0, 7));
      expect((await first.call("handoff_status")).structuredContent).toMatchObject({ agents: [{ agent: "claude", freshness: "fresh" }] });
      expect([...first.errors, ...second.errors]).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
