import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, HANDOFF_BIN, runHandoff, testEnv, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

const GREEN = "\u001b[32m";
const BOLD = "\u001b[1m";
const ESCAPE = "\u001b[";

/** The commands the README says are coloured, on one repository (claude saved, handed to opencode). */
function outputs(repo: TestRepo, env: Record<string, string>): Record<string, string> {
  const run = (...args: string[]) => runHandoff(repo.root, args, { env }).stdout;
  return {
    save: run("save", "claude", "--task", "Colours"),
    status: run("status"),
    restore: run("restore", "claude"),
    switch: run("switch", "claude", "opencode"),
  };
}

describe("colours", () => {
  it("are used by save, status, restore and switch with FORCE_COLOR=1", () => {
    const repo = createRepo();
    for (const [command, stdout] of Object.entries(outputs(repo, { NO_COLOR: "", FORCE_COLOR: "1" }))) {
      expect(stdout, command).toContain(ESCAPE);
    }
    const again = outputs(repo, { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(again.save).toContain(`${GREEN}✅ Session state saved`);
    expect(again.status).toContain(`${BOLD}AGENT`);
    expect(again.switch).toContain(`${BOLD}Step 1:`);
  });

  it("are not used with NO_COLOR, even with FORCE_COLOR, nor with FORCE_COLOR=0, nor on a pipe", () => {
    const repo = createRepo();
    const envs: Record<string, string>[] = [{ NO_COLOR: "1", FORCE_COLOR: "1" }, { NO_COLOR: "", FORCE_COLOR: "0" }, { NO_COLOR: "", FORCE_COLOR: "" }];
    for (const env of envs) {
      for (const [command, stdout] of Object.entries(outputs(repo, env))) expect(stdout, `${command} ${JSON.stringify(env)}`).not.toContain(ESCAPE);
    }
  });

  it("are used on a terminal, and not with NO_COLOR there", () => {
    const repo = createRepo();
    runHandoff(repo.root, ["save", "claude", "--task", "Colours"]);
    const onTerminal = (env: Record<string, string>) =>
      spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(HANDOFF_BIN)} status`, "/dev/null"], {
        cwd: repo.root,
        env: testEnv({ FORCE_COLOR: "", TERM: "xterm-256color", ...env }),
        encoding: "utf8",
      });
    const coloured = onTerminal({ NO_COLOR: "" });
    if (coloured.error) return; // no `script` here to give the bin a terminal
    expect(coloured.stdout).toContain(`${BOLD}AGENT`);
    expect(onTerminal({ NO_COLOR: "1" }).stdout).not.toContain(ESCAPE);
  });
});
