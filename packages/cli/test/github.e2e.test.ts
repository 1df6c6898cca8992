import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, runHandoff } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

/** A stand-in `gh` that answers like the real one and records each call. */
function fakeGh(): { bin: string; calls: string } {
  const bin = makeTempDir("fake-gh-");
  const calls = path.join(bin, "calls.log");
  const script = `#!/bin/sh
echo "$*" >> "${calls}"
case "$1 $2" in
  "issue list") printf '42\\n7\\n' ;;
  "pr view") echo 15 ;;
esac
`;
  writeFileSync(path.join(bin, "gh"), script);
  chmodSync(path.join(bin, "gh"), 0o755);
  return { bin, calls };
}

describe("issues and pull requests from gh", () => {
  it("adds my open issues and the branch's PR when gh is installed", () => {
    const repo = createRepo();
    const gh = fakeGh();
    const result = runHandoff(repo.root, ["save", "claude", "--json"], { env: { PATH: `${gh.bin}${path.delimiter}${process.env.PATH}` } });
    expect(result.code).toBe(0);
    const state = JSON.parse(result.stdout);
    expect(state.git.issues).toEqual(["#42", "#7"]);
    expect(state.git.prs).toEqual(["#15"]);
    expect(readFileSync(gh.calls, "utf8")).toContain("issue list --assignee @me");
  });

  it("does not call gh with --offline or HANDOFF_OFFLINE=1", () => {
    const repo = createRepo();
    const gh = fakeGh();
    const env = { PATH: `${gh.bin}${path.delimiter}${process.env.PATH}` };
    expect(runHandoff(repo.root, ["save", "claude", "--offline"], { env }).code).toBe(0);
    expect(runHandoff(repo.root, ["save", "claude"], { env: { ...env, HANDOFF_OFFLINE: "1" } }).code).toBe(0);
    expect(() => readFileSync(gh.calls, "utf8")).toThrow();
  });

  it("works without gh, and with a gh that fails", () => {
    const repo = createRepo();
    expect(runHandoff(repo.root, ["save", "claude"], { env: { PATH: path.dirname(process.execPath) + path.delimiter + "/usr/bin:/bin" } }).code).toBe(0);
    const broken = makeTempDir("broken-gh-");
    writeFileSync(path.join(broken, "gh"), "#!/bin/sh\necho 'not logged in' >&2\nexit 4\n");
    chmodSync(path.join(broken, "gh"), 0o755);
    const result = runHandoff(repo.root, ["save", "claude", "--json"], { env: { PATH: `${broken}${path.delimiter}${process.env.PATH}` } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).git.prs).toEqual([]);
  });
});
