import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir, runHandoff } from "@handoff/test-utils";
import { COMMANDS } from "../src/commands/index.js";

afterAll(cleanupTempDirs);

const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

describe("handoff --help and --version", () => {
  const dir = makeTempDir();

  it("lists every command of the command table", () => {
    const result = runHandoff(dir, ["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: handoff <command> [options]");
    for (const [name, entry] of Object.entries(COMMANDS)) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} +${entry.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
    }
    expect(runHandoff(dir, ["-h"]).stdout).toBe(result.stdout);
    expect(runHandoff(dir, ["help"]).stdout).toBe(result.stdout);
  });

  it("prints the usage with exit code 2 when no command is given, and names an unknown one", () => {
    expect(runHandoff(dir, []).code).toBe(2);
    const unknown = runHandoff(dir, ["sav"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "sav"');
  });

  it.each(Object.keys(COMMANDS))("%s --help prints every option of its table and exits 0", async (name) => {
    const command = (await COMMANDS[name]!.load()).default;
    const result = runHandoff(dir, [name, "--help"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.startsWith(`Usage: ${command.usage}\n\n${command.summary}\n`)).toBe(true);
    for (const [option, spec] of Object.entries(command.options)) {
      const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${option}${spec.value ? ` <${spec.value}>` : ""}`;
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain("-h, --help");
    expect(runHandoff(dir, [name, "-h"]).stdout).toBe(result.stdout);
  });

  it("prints the package version with --version and -v", () => {
    expect(runHandoff(dir, ["--version"])).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(runHandoff(dir, ["-v"]).stdout).toBe(`${VERSION}\n`);
  });

  it("rejects an option a command does not have, with its usage and exit code 2", () => {
    const result = runHandoff(dir, ["status", "--no-such-flag"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--no-such-flag");
    expect(result.stderr).toContain("Usage: handoff status");
  });
});
