import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir } from "@handoff/test-utils";
import { HOOK_NAMES } from "../src/hook-names.js";
import { renderHuskyBlock, renderStub } from "../src/hook-scripts.js";
import { renderRunner } from "../src/runner-script.js";
import { shellQuote } from "../src/shell-quote.js";

afterAll(cleanupTempDirs);

/** Parses a script with POSIX sh (dash here) without running it; returns sh's complaint, if any. */
function syntaxError(script: string): string {
  const file = path.join(makeTempDir(), "script.sh");
  writeFileSync(file, script);
  const result = spawnSync("sh", ["-n", file], { encoding: "utf8" });
  return result.status === 0 ? "" : result.stderr;
}

describe("the shell scripts handoff writes", () => {
  it("are valid POSIX sh: the runner, each stub and each husky block", () => {
    expect(syntaxError(renderRunner({ node: "/usr/bin/node", cli: "/opt/handoff/cli.cjs" }))).toBe("");
    const guards = [{ tree: "/home/o'brien/app", folder: "node_modules" }, { tree: "/opt/tools", folder: "bin dir" }];
    expect(syntaxError(renderRunner({ node: "/usr/bin/node", cli: "/home/o'brien/app/node_modules/x/cli.cjs", guards }))).toBe("");
    for (const hook of HOOK_NAMES) {
      expect(syntaxError(renderStub(hook)), hook).toBe("");
      expect(syntaxError(["npm test", ...renderHuskyBlock(hook), "echo after", ""].join("\n")), hook).toBe("");
    }
  });

  it("quote paths with spaces, quotes and dollars so that sh reads them back unchanged", () => {
    const awkward = `/home/o'brien/my $HOME "dir"/cli.cjs`;
    const result = spawnSync("sh", ["-c", `printf '%s' ${shellQuote(awkward)}`], { encoding: "utf8" });
    expect(result.stdout).toBe(awkward);
    const runner = renderRunner({ node: "/usr/bin/node", cli: awkward });
    expect(syntaxError(runner)).toBe("");
    expect(runner).toContain(`handoff_cli=${shellQuote(awkward)}`);
  });

  it("hand pre-push's stdin on to the rest of a husky hook file", () => {
    const script = [...renderHuskyBlock("pre-push"), `cat`, ""].join("\n");
    const file = path.join(makeTempDir(), "pre-push");
    writeFileSync(file, script);
    const pushed = "refs/heads/main 1111 refs/heads/main 2222\nrefs/heads/x 3333 refs/heads/x 4444\n";
    // No runner is installed in this folder, so handoff's part does nothing: what is left is the hand-over.
    const result = spawnSync("sh", ["-e", file, "origin", "url"], { input: pushed, encoding: "utf8", cwd: makeTempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(pushed);
  });
});
