/** The README's quick start runs `pnpm run demo`, which is this script: it must keep working. */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testEnv } from "@handoff/test-utils";

const DEMO = fileURLToPath(new URL("../../../scripts/demo.sh", import.meta.url));

describe("scripts/demo.sh (the README's quick start)", () => {
  it("saves Claude's session, hands it to OpenCode and prints the restored prompt", () => {
    const result = spawnSync("bash", [DEMO], { env: testEnv({ HANDOFF_OFFLINE: "1" }), encoding: "utf8" });
    const demoRepo = /\(demo repository: (.+)\)/.exec(result.stdout)?.[1];
    if (demoRepo && path.basename(demoRepo).startsWith("handoff-demo-")) rmSync(demoRepo, { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("✅ Session state saved to .claude/.session-state.json");
    expect(result.stdout).toContain("Session Handoff: claude → opencode");
    expect(result.stdout).toContain("I'm continuing work from Claude Code");
    expect(result.stdout).toContain("Implement user authentication with NextAuth");
    expect(demoRepo).toBeDefined();
  });
});
