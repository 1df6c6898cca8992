import { describe, expect, it } from "vitest";
import type { GitleaksRule } from "../../src/redact/gitleaks-rule.js";
import { rulesRanges, shannonEntropy } from "../../src/redact/rule-ranges.js";
import { GITLEAKS_COMMIT, GITLEAKS_RULES } from "../../src/redact/gitleaks-rules.generated.js";

const slices = (text: string, rules: GitleaksRule[]) => rulesRanges(text, rules).map((range) => text.slice(range.start, range.end));

describe("gitleaks-shaped rules, run as gitleaks runs them", () => {
  const rule: GitleaksRule = { id: "t", regex: String.raw`key=(\w+)`, keywords: ["key="] };

  it("takes the first non-empty group as the secret, else the whole match", () => {
    expect(slices("key=abc123 and key=def", [rule])).toEqual(["abc123", "def"]);
    expect(slices("xyz-123", [{ id: "w", regex: String.raw`xyz-\d+`, keywords: [] }])).toEqual(["xyz-123"]);
    expect(slices("a=1 b=2", [{ id: "g", regex: String.raw`a=(\d) b=(\d)`, keywords: [], secretGroup: 2 }])).toEqual(["2"]);
  });

  it("runs a rule only on text holding one of its keywords (case-insensitive)", () => {
    expect(slices("KEY=abc", [{ ...rule, regex: String.raw`(?i)key=(\w+)` }])).toEqual(["abc"]);
    expect(slices("key=abc", [{ ...rule, keywords: ["absent"] }])).toEqual([]);
  });

  it("drops a secret at or under the entropy threshold, and one an allowlist accepts", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(slices("key=aaaaaaaa key=a1B2c3D4", [{ ...rule, entropy: 2 }])).toEqual(["a1B2c3D4"]);
    expect(slices("key=example123 key=realvalue", [{ ...rule, allow: [{ target: "secret", regexes: ["^example"], stopwords: [] }] }])).toEqual(["realvalue"]);
    expect(slices("key=xxsamplexx key=realvalue", [{ ...rule, allow: [{ target: "secret", regexes: [], stopwords: ["sample"] }] }])).toEqual(["realvalue"]);
    expect(slices("# test: key=abc\nkey=def", [{ ...rule, allow: [{ target: "line", regexes: ["^# test"], stopwords: [] }] }])).toEqual(["def"]);
  });

  it("has gitleaks' rules, from a named commit", () => {
    expect(GITLEAKS_COMMIT).toMatch(/^[0-9a-f]{40}$/);
    expect(GITLEAKS_RULES.length).toBeGreaterThan(200);
    expect(GITLEAKS_RULES.map((r) => r.id)).toEqual(expect.arrayContaining(["stripe-access-token", "jwt", "generic-api-key", "gitlab-pat"]));
  });
});
