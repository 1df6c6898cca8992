import type { GitleaksRule } from "./gitleaks-rule.js";

/**
 * Secret shapes that neither secretlint's "recommend" preset (10.2.2) nor gitleaks' rules catch
 * where they appear in a prompt: in commands typed to a shell and in `.env`-style lines. Each is
 * RE2 syntax (run with re2js, linear time) and marks only the secret, so the text around it stays
 * readable. Found passing redaction in real command lists (issues 13 and 15).
 */
export const HANDOFF_PATTERNS: readonly GitleaksRule[] = [
  { id: "anthropic-key", regex: String.raw`\bsk-ant-[a-z0-9]+-[A-Za-z0-9_-]{20,}`, keywords: ["sk-ant-"] },
  { id: "openai-key", regex: String.raw`\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}`, keywords: ["sk-"] },
  { id: "stripe-key", regex: String.raw`\b(?:sk|rk|pk)_(?:live|test|prod)_[A-Za-z0-9]{10,}`, keywords: ["_live_", "_test_", "_prod_"] },
  { id: "docker-pat", regex: String.raw`\bdckr_(?:pat|oat)_[A-Za-z0-9_-]{16,}`, keywords: ["dckr_"] },
  { id: "aws-access-key-id", regex: String.raw`\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA)[A-Z0-9]{16}\b`, keywords: ["akia", "asia", "abia", "acca", "agpa", "aida", "aroa", "anpa", "anva"] },
  // `aws configure set aws_secret_access_key <value>` as well as `aws_secret_access_key = <value>`.
  { id: "aws-secret-access-key", regex: String.raw`(?i)\baws_?secret_?access_?key["']?(?:\s*[:=]\s*|\s+)["']?([A-Za-z0-9/+=]{16,})`, keywords: ["secret"] },
  { id: "google-api-key", regex: String.raw`\bAIza[0-9A-Za-z_-]{35}\b`, keywords: ["aiza"] },
  { id: "github-token", regex: String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b`, keywords: ["gh", "github_pat_"] },
  { id: "jwt", regex: String.raw`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`, keywords: ["eyj"] },
  { id: "bearer-token", regex: String.raw`(?i)\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)`, keywords: ["bearer"] },
  // The password may hold `/` (and `:`); it ends at the `@` before the host.
  { id: "url-credentials", regex: String.raw`(?i)\b[a-z][a-z0-9+.-]*://[^\s:/@]+:([^\s@]+)@`, keywords: ["://"] },
  {
    id: "env-assignment",
    regex: String.raw`(?i)\b[A-Za-z0-9_]*(?:API_?KEY|SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)[A-Za-z0-9_]*["']?\s*[:=]\s*["']?([^\s"'\x60,;]{6,})`,
    keywords: ["key", "secret", "token", "pass", "credential"],
  },
  // `DB_PASS=...`, `PGPASS=`, `MYSQL_PWD=`: PASS / PWD / PW as a whole part of the name.
  {
    id: "env-pass-assignment",
    regex: String.raw`(?i)(?:^|[^A-Za-z0-9_])(?:[A-Za-z0-9]+_)*(?:PASS|PWD|PW|PGPASS)(?:_[A-Za-z0-9]+)*["']?\s*[:=]\s*["']?([^\s"'\x60,;]{4,})`,
    keywords: ["pass", "pwd", "pw"],
  },
  // `--password <value>`, `--token=<value>`, `--api-key <value>` on a command line.
  {
    id: "secret-option",
    regex: String.raw`(?i)(?:^|\s)--?(?:[a-z0-9]+-)*(?:password|passwd|pass|token|secret|api-?key|access-?key|auth|credentials?)(?:=|\s+)["']?([^\s"']{4,})`,
    keywords: ["pass", "token", "secret", "key", "auth", "credential"],
  },
  // `mysql -u root -pS3cret`: the MySQL clients take the password glued to -p.
  {
    id: "mysql-password",
    // Lower-case -p only: -P is the port.
    regex: String.raw`\b(?i:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mariadb|mariadb-dump)\b[^\n]*?\s-p["']?([^\s"']+)`,
    keywords: ["mysql", "mariadb"],
  },
  // `curl -u user:password`, `--user user:password`.
  { id: "user-password-option", regex: String.raw`(?:^|\s)(?:-u|--user)(?:=|\s+)["']?[^\s:"']+:([^\s"']+)`, keywords: ["-u", "--user"] },
];

/** Values these patterns catch that are not secrets: numbers (`PORT=5432`), placeholders, variables. */
export function looksLikePlaceholder(secret: string): boolean {
  return /^[0-9]+$/.test(secret) || /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|<[^>]*>|\*+|x+|\.\.\.|true|false|null|none|changeme)$/i.test(secret);
}
