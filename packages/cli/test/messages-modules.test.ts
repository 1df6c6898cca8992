/**
 * The messages modules (CONTRIBUTING, Messages) are imported by every command and hook, so they
 * must stay cheap to load: no import but a sibling messages file or a type. One import of a
 * helper that looked small (core's countOf, in a module that loads the rule matcher and re2js)
 * once made every command load re2js; this test names such an import before a benchmark would.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PACKAGES = fileURLToPath(new URL("../../", import.meta.url));

const MODULES = [
  ...readdirSync(path.join(PACKAGES, "cli/src/messages")).map((file) => `cli/src/messages/${file}`),
  "hooks/src/messages.ts",
  "core/src/messages.ts",
];

/** Imports allowed beyond siblings and types, with why. */
const ALLOWED: Record<string, string[]> = {
  // Loaded only by `handoff mcp`; TASK_STATUSES and TASK_PRIORITIES come from core's zod-free schema/values.ts.
  "cli/src/messages/mcp.ts": ["@handoff/core"],
};

function valueImports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((match) => match[1]!);
}

describe("the messages modules", () => {
  it("exist where CONTRIBUTING says", () => {
    expect(MODULES.length).toBeGreaterThan(10);
  });

  it.each(MODULES)("%s imports nothing but sibling messages files and types", (module) => {
    const text = readFileSync(path.join(PACKAGES, module), "utf8");
    const foreign = valueImports(text).filter((specifier) => !/^\.\/[\w-]+\.js$/.test(specifier));
    expect(foreign).toEqual(ALLOWED[module] ?? []);
  });
});
