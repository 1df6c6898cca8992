/**
 * The public entry is a promise: every value it exports is described in the README, and
 * `@handoff/core/internal` adds to it without hiding or replacing any of its names.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as publicApi from "../src/index.js";
import * as internalApi from "../src/internal.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const PUBLIC_SECTION = README.slice(README.indexOf("## What it exports"), README.indexOf("### `@handoff/core/internal`"));

describe("the public API of @handoff/core", () => {
  it("describes every value the public entry exports in the README's list", () => {
    const undocumented = Object.keys(publicApi).filter((name) => !PUBLIC_SECTION.includes(`\`${name}`));
    expect(undocumented).toEqual([]);
  });

  it("exports every public value from @handoff/core/internal too, the same value", () => {
    for (const [name, value] of Object.entries(publicApi)) expect((internalApi as Record<string, unknown>)[name], name).toBe(value);
    expect(Object.keys(internalApi).length).toBeGreaterThan(Object.keys(publicApi).length);
  });

  it("keeps the internals out of the public entry", () => {
    for (const name of ["runGit", "withFileLock", "pushStates", "displaySafe", "sleep"]) expect(Object.keys(publicApi)).not.toContain(name);
  });
});
