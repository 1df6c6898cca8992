import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema, listAgents, parseState } from "@handoff/core";
import { GLOBAL_OPTIONS } from "../src/args.js";
import { COMMANDS } from "../src/commands/index.js";

const README = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

/** The README's text from the heading of `handoff <name>` to the next command's heading. */
function commandSection(name: string): string | undefined {
  const start = README.search(new RegExp(`^### \`handoff ${name}\\b`, "m"));
  if (start === -1) return undefined;
  const rest = README.slice(README.indexOf("\n", start));
  const end = rest.search(/^#{2,3} /m);
  return end === -1 ? rest : rest.slice(0, end);
}

function jsonBlockAfter(heading: string): unknown {
  const from = README.indexOf(`\n${heading}\n`);
  expect(from, heading).toBeGreaterThan(-1);
  const block = /```json\n([\s\S]*?)```/.exec(README.slice(from));
  return JSON.parse(block![1]!);
}

function mentions(text: string, option: string): boolean {
  return new RegExp(`--${option}(?![\\w-])`).test(text);
}

describe("the README documents the CLI", () => {
  it.each(Object.keys(COMMANDS))("has a heading for `handoff %s` that names each of its options", async (name) => {
    const section = commandSection(name);
    expect(section, `README.md needs a "### \`handoff ${name} ...\`" heading`).toBeDefined();
    const { options } = (await COMMANDS[name]!.load()).default;
    const missing = Object.keys(options).filter((option) => !mentions(section!, option));
    expect(missing, `README.md's "handoff ${name}" section does not document these options`).toEqual([]);
  });

  it("documents the options every command takes, and --version", () => {
    for (const option of [...Object.keys(GLOBAL_OPTIONS), "version"]) expect(mentions(README, option), option).toBe(true);
  });

  it("has the agent table with every built-in agent's state file", () => {
    for (const agent of listAgents()) {
      expect(README).toMatch(new RegExp(`^\\| \`${agent.name}\` \\| ${agent.label} \\| \`${agent.file.replaceAll(".", "\\.")}\` \\|`, "m"));
    }
  });

  it("shows a configuration example that the config schema accepts", () => {
    expect(configSchema.parse(jsonBlockAfter("## Configuration"))).toBeTruthy();
  });

  it("shows a state file that parses as session state v2.0", () => {
    expect(parseState(JSON.stringify(jsonBlockAfter("## The state file"))).repairs).toEqual([]);
  });

  it("links only to files that exist", () => {
    const targets = [...README.matchAll(/\]\(([^)#:\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!);
    expect(targets).toContain("docs/troubleshooting.md");
    const missing = targets.filter((target) => !existsSync(new URL(`../../../${target}`, import.meta.url)));
    expect(missing).toEqual([]);
  });

  it("gives the quick start's two commands", () => {
    expect(README).toContain("npx -y pnpm@10 install && npx -y pnpm@10 run demo");
    expect(README).toContain("npx -y pnpm@10 install && npx -y pnpm@10 test");
  });
});
