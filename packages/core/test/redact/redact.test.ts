import { describe, expect, it } from "vitest";
import { redactDeep, redactText, REDACTED } from "@handoff/core";

const ANTHROPIC = `sk-ant-api03-${"Ab3_".repeat(23)}xyzAA`;
const AWS_ID = "AKIAFAKE7EXAMPLE1234";
const AWS_SECRET = "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEYSAMPLE";
const GITHUB = `ghp_${"A1b2".repeat(9)}`;
const PRIVATE_KEY = ["-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEAfakefakefakefakefakefake", "-----END RSA PRIVATE KEY-----"].join("\n");

describe("redactText", () => {
  it.each([
    ["an Anthropic API key", `use ${ANTHROPIC} please`, ANTHROPIC],
    ["an AWS access key id", `id ${AWS_ID} here`, AWS_ID],
    ["an AWS secret access key", AWS_SECRET, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEYSAMPLE"],
    ["a GitHub token", `GH=${GITHUB}`, GITHUB],
    ["an OpenAI project key", "key sk-proj-FAKEfakeFAKEfake0123456789abcdef0123456789", "sk-proj-FAKEfakeFAKEfake0123456789abcdef0123456789"],
    ["a private key block", `before\n${PRIVATE_KEY}\nafter`, "MIIEowIBAAKCAQEAfakefakefakefakefakefake"],
    ["credentials in a URL", "clone https://deploy:s3cr3tPassw0rd@git.example.com/repo.git", "s3cr3tPassw0rd"],
    ["a .env assignment", "DATABASE_PASSWORD=correct-horse-battery", "correct-horse-battery"],
    ["a bearer token", "Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789"],
  ])("removes %s", async (_name, text, secret) => {
    const result = await redactText(text);
    expect(result.value).not.toContain(secret);
    expect(result.value).toContain(REDACTED);
    expect(result.count).toBeGreaterThanOrEqual(1);
  });

  it("counts each secret once, even when two detectors find it", async () => {
    const result = await redactText(`first ${GITHUB} then ${AWS_ID}`);
    expect(result.count).toBe(2);
    expect(result.value).toBe(`first ${REDACTED} then ${REDACTED}`);
  });

  it("leaves ordinary text alone", async () => {
    const text = "Run npm test; max_tokens=16000 and the token budget stay; commit 3f2a9c1d; see https://example.com/docs";
    expect(await redactText(text)).toEqual({ value: text, count: 0 });
  });
});

describe("redactDeep", () => {
  it("redacts every string in a partial state and adds up the count", async () => {
    const result = await redactDeep({
      task: `deploy with ${AWS_ID}`,
      commandsRun: [{ command: `export GITHUB_TOKEN=${GITHUB}`, exit_code: 0 }],
      nextSteps: ["nothing secret"],
    });
    expect(result.count).toBe(2);
    expect(JSON.stringify(result.value)).not.toMatch(/AKIA|ghp_/);
    expect(result.value.commandsRun[0]?.exit_code).toBe(0);
  });
});
