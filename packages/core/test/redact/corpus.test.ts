import { describe, expect, it } from "vitest";
import { redactText, REDACTED } from "@handoff/core";
import { NOT_SECRETS, SECRET_SAMPLES } from "../fixtures/secrets-corpus.js";

describe("the secrets corpus", () => {
  it.each(SECRET_SAMPLES.map((sample) => [sample.family, sample] as const))("redacts a %s", async (_family, sample) => {
    const result = await redactText(sample.text);
    expect(result.value).not.toContain(sample.secret);
    // No half of it either: a cut must never leave a recognisable piece.
    expect(result.value).not.toContain(sample.secret.slice(0, Math.ceil(sample.secret.length / 2)));
    expect(result.value).toContain(REDACTED);
  });

  it.each(NOT_SECRETS)("leaves alone: %s", async (text) => {
    expect(await redactText(text)).toEqual({ value: text, count: 0 });
  });

  it("redacts all of them in one text, each once", async () => {
    const text = SECRET_SAMPLES.map((sample) => sample.text).join("\n");
    const result = await redactText(text);
    for (const sample of SECRET_SAMPLES) expect(result.value).not.toContain(sample.secret);
  });
});

describe("long input", () => {
  // Inputs that make a backtracking regex take exponential or quadratic time. Every rule runs
  // with re2js (linear); the test finishes at all only if none backtracks.
  it.each([
    ["one long word of key names", "TOKEN".repeat(40_000)],
    ["a long run of name characters before an =", `${"a_".repeat(50_000)}PASSWORD`],
    ["a URL that never reaches its @", `https://user:${"p/".repeat(50_000)}`],
    ["a long line of a's then b", `${"a".repeat(100_000)}b`],
    ["a long mysql line without -p", `mysql ${"-u x ".repeat(20_000)}`],
    ["a private key header that never ends", `-----BEGIN RSA PRIVATE KEY-----\n${"A".repeat(100_000)}`],
    ["URL-ish text with colons and no @", `https://${"a:".repeat(50_000)}`],
    ["a JWT-like run that never completes", `eyJ${"a".repeat(50_000)}.eyJ${"b".repeat(50_000)}`],
    ["many key= assignments on one line", "api_key=".repeat(20_000)],
  ])("%s", async (_name, text) => {
    const result = await redactText(text);
    expect(typeof result.value).toBe("string");
  });
});
