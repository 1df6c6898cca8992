import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, testEnv, type TestRepo } from "@handoff/test-utils";
import { runPrePush } from "../src/pre-push.js";

afterAll(cleanupTempDirs);

const ZERO = "0".repeat(40);
/** Escape, BEL and CSI: none may reach the terminal raw. */
const RAW_CONTROL = /[\u001b\u0007\u009b]/;

function rule(id: string, forbid: string, extra: Record<string, unknown> = {}) {
  return { id, severity: "STRICT", files: "**/*.txt", forbid, message: `no ${id}`, ...extra };
}

async function push(repo: TestRepo, files: Record<string, string | Buffer>, config: unknown) {
  repo.write({ "handoff.config.json": typeof config === "string" ? config : JSON.stringify(config) });
  for (const [file, content] of Object.entries(files)) repo.write({ [file]: content as string });
  repo.git("add", "-A");
  repo.git("commit", "-q", "-m", "push me");
  const tip = repo.git("rev-parse", "HEAD").trim();
  const lines: string[] = [];
  const code = await runPrePush({
    cwd: repo.root,
    remote: "origin",
    url: "/nowhere.git",
    stdin: `refs/heads/main ${tip} refs/heads/main ${ZERO}\n`,
    env: testEnv(),
    out: (line) => lines.push(line),
  });
  return { code, output: lines.join("\n") };
}

describe("pre-push with hostile rules and files", () => {
  it('a rule that never ends elsewhere ("^(a+)+$" on 40 a and a b) runs in linear time; other rules still block', async () => {
    const repo = createRepo();
    const config = { prePush: "block", rules: [rule("nested", "^(a+)+$"), rule("todo", "TODO")] };
    const result = await push(repo, { "a.txt": `${"a".repeat(40)}b\n`, "b.txt": "TODO\n" }, config);
    expect(result.output).toContain("b.txt:1  STRICT  todo  no todo");
    expect(result.code).toBe(1);
    // On the linear engine the pattern simply runs: the line it matches is found, nothing is left unchecked.
    const found = await push(createRepo(), { "a.txt": `${"a".repeat(40)}b\naaa\n` }, config);
    expect(found.code).toBe(1);
    expect(found.output).toContain("a.txt:2  STRICT  nested");
    expect(found.output).not.toContain("a.txt:1");
    expect(found.output).not.toContain("not checked");
  });

  it("a pattern only a backtracking engine can run (a lookahead) runs under a time budget: not checked, push goes", { timeout: 60_000 }, async () => {
    const repo = createRepo();
    const config = { prePush: "block", rules: [rule("nested-lookahead", "^(?=a)(a+)+$")] };
    const result = await push(repo, { "a.txt": `${"a".repeat(40)}b\n` }, config);
    expect(result.code).toBe(0);
    expect(result.output).toContain("STRICT rule nested-lookahead was not checked: its pattern took over 3s (at a.txt)");
    expect(result.output).toContain("the push goes ahead for what could not be checked");
    const ok = await push(createRepo(), { "a.txt": "aaa\n" }, config);
    expect(ok.code).toBe(1);
    expect(ok.output).toContain("a.txt:1  STRICT  nested-lookahead");
  });

  it("names the binary, UTF-16 and over-1 MiB files it could not check", async () => {
    const repo = createRepo();
    const config = { prePush: "block", rules: [rule("todo", "TODO")] };
    const files = {
      "bin.txt": Buffer.from("TODO\0\x01"),
      "wide.txt": Buffer.from("\ufeffTODO\n", "utf16le"),
      "big.txt": `${"x".repeat(1024 * 1024)}\nTODO\n`,
      "fine.txt": "fine\n",
    };
    const result = await push(repo, files, config);
    expect(result.code).toBe(0);
    expect(result.output).toContain("handoff: 3 files in the commits being pushed could not be checked by the rules:");
    expect(result.output).toContain("  bin.txt (binary or UTF-16)");
    expect(result.output).toContain("  wide.txt (binary or UTF-16)");
    expect(result.output).toContain("  big.txt (over the size limit)");
    expect(result.output).not.toContain("fine.txt");
  });

  it("terminal escapes from the config never reach the terminal raw", async () => {
    const bad = await push(createRepo(), { "a.txt": "x\n" }, { "\u001b]0;pwned\u0007": true, rules: [] });
    expect(bad.output).toContain("the pre-push check was skipped");
    expect(bad.output).not.toMatch(RAW_CONTROL);
    const config = { prePush: "warn", rules: [rule("esc", "TODO", { message: "no \u001b[2J TODO", fix: "\u001b]0;title\u0007" })] };
    const flagged = await push(createRepo(), { "a.txt": "TODO\n" }, config);
    expect(flagged.output).toContain("a.txt:1  STRICT  esc");
    expect(flagged.output).not.toMatch(RAW_CONTROL);
  });
});
