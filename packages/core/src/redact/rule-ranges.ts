import { RE2JS } from "re2js";
import type { GitleaksAllowlist, GitleaksRule } from "./gitleaks-rule.js";
import type { SecretRange } from "./secretlint.js";

/**
 * Runs gitleaks-shaped rules the way gitleaks does (detect/detect.go, detectRule): a rule runs only
 * on text holding one of its keywords; the secret is its `secretGroup`, else the first non-empty
 * group, else the whole match; a secret at or under the rule's entropy, or one an allowlist
 * accepts, is not a secret. The regexes run with re2js, whose time is linear in the text: no
 * pattern can hang on a long line, whatever the input.
 */
const compiled = new Map<string, RE2JS>();

function re2(regex: string): RE2JS {
  let pattern = compiled.get(regex);
  if (!pattern) {
    pattern = RE2JS.compile(regex);
    compiled.set(regex, pattern);
  }
  return pattern;
}

/** Shannon entropy in bits per character, as gitleaks' shannonEntropy. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  const length = [...text].length;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

interface Finding {
  secret: string;
  match: string;
  line: string;
}

function allowed(finding: Finding, allowlist: GitleaksAllowlist): boolean {
  const target = finding[allowlist.target];
  if (allowlist.regexes.some((regex) => re2(regex).matcher(target).find())) return true;
  const secret = finding.secret.toLowerCase();
  return allowlist.stopwords.some((word) => secret.includes(word));
}

function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const to = text.indexOf("\n", end);
  return text.slice(from, to < 0 ? text.length : to);
}

/** Where `rule` finds secrets in `text` (`lower` is `text` lower-cased, for the keyword check). */
function ruleRanges(text: string, lower: string, rule: GitleaksRule, globalAllow: GitleaksAllowlist | undefined): SecretRange[] {
  if (rule.keywords.length > 0 && !rule.keywords.some((word) => lower.includes(word))) return [];
  const ranges: SecretRange[] = [];
  const matcher = re2(rule.regex).matcher(text);
  const groups = matcher.groupCount();
  while (matcher.find()) {
    let group = 0;
    if (rule.secretGroup) group = rule.secretGroup;
    else for (let index = 1; index <= groups && group === 0; index++) if (matcher.start(index) >= 0 && matcher.end(index) > matcher.start(index)) group = index;
    const start = matcher.start(group);
    const end = matcher.end(group);
    if (start < 0 || end <= start) continue;
    const secret = text.slice(start, end);
    if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) continue;
    const finding = { secret, match: matcher.group(0) ?? secret, line: lineAround(text, matcher.start(0), matcher.end(0)) };
    if (globalAllow && allowed(finding, globalAllow)) continue;
    if (rule.allow?.some((allowlist) => allowed(finding, allowlist))) continue;
    ranges.push({ start, end });
  }
  return ranges;
}

/** Where any of `rules` finds a secret in `text`. */
export function rulesRanges(text: string, rules: readonly GitleaksRule[], globalAllow?: GitleaksAllowlist): SecretRange[] {
  const lower = text.toLowerCase();
  return rules.flatMap((rule) => ruleRanges(text, lower, rule, globalAllow));
}
