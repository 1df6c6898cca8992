/**
 * Secret shapes the secretlint "recommend" preset does not cover (checked against 10.2.2):
 * Anthropic and current OpenAI keys, AWS access key ids, Google API keys, bearer tokens,
 * `.env`-style assignments to secret-looking names and credentials inside URLs.
 * Each pattern marks only the secret part, so the surrounding text stays readable.
 */
export interface SecretPattern {
  name: string;
  pattern: RegExp;
  /** The capture group holding the secret; 0 is the whole match. */
  group: number;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { name: "anthropic-key", pattern: /\bsk-ant-[a-z0-9]+-[A-Za-z0-9_-]{20,}/gd, group: 0 },
  { name: "openai-key", pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/gd, group: 0 },
  { name: "aws-access-key-id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA)[A-Z0-9]{16}\b/gd, group: 0 },
  { name: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/gd, group: 0 },
  { name: "github-token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/gd, group: 0 },
  { name: "bearer-token", pattern: /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/gd, group: 1 },
  { name: "url-credentials", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/gid, group: 1 },
  {
    name: "env-assignment",
    pattern:
      /\b[A-Za-z0-9_]*(?:API_?KEY|SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?)[A-Za-z0-9_]*["']?\s*[:=]\s*["']?(?![0-9]+\b)([^\s"'`,;]{6,})/gid,
    group: 1,
  },
];
