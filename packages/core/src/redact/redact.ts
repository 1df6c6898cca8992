import { GITLEAKS_ALLOWLIST, GITLEAKS_RULES } from "./gitleaks-rules.generated.js";
import { HANDOFF_PATTERNS, looksLikePlaceholder } from "./patterns.js";
import { rulesRanges } from "./rule-ranges.js";
import { secretlintRanges, type SecretRange } from "./secretlint.js";

export const REDACTED = "[REDACTED]";

export interface Redacted<T> {
  value: T;
  /** How many secrets were replaced. */
  count: number;
}

/** Our own patterns catch names (`TOKEN=`, `--password`) whose value may be a placeholder, or redacted already. */
function patternRanges(text: string): SecretRange[] {
  return rulesRanges(text, HANDOFF_PATTERNS).filter((range) => {
    const secret = text.slice(range.start, range.end);
    return !secret.startsWith(REDACTED) && !looksLikePlaceholder(secret);
  });
}

/** Overlapping ranges joined, so that one secret found twice counts once. */
function merge(ranges: SecretRange[]): SecretRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: SecretRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

async function secretRanges(text: string): Promise<SecretRange[]> {
  const found = [...(await secretlintRanges(text)), ...rulesRanges(text, GITLEAKS_RULES, GITLEAKS_ALLOWLIST), ...patternRanges(text)];
  return merge(found.filter((range) => text.slice(range.start, range.end) !== REDACTED));
}

function replaceRanges(text: string, ranges: readonly SecretRange[]): string {
  let value = "";
  let at = 0;
  for (const range of ranges) {
    value += text.slice(at, range.start) + REDACTED;
    at = range.end;
  }
  return value + text.slice(at);
}

/**
 * `text` with every secret replaced that secretlint's recommend preset, gitleaks' rule set
 * (gitleaks-rules.generated.ts) or our own patterns find. Redact before cutting text to a
 * budget: a cut secret is no longer recognisable, and its first half would print.
 */
export async function redactText(text: string): Promise<Redacted<string>> {
  if (text.length === 0) return { value: text, count: 0 };
  const ranges = await secretRanges(text);
  return { value: replaceRanges(text, ranges), count: ranges.length };
}

/** Between two strings of a value: no rule matches across a NUL between line breaks. */
const SEPARATOR = "\n\u0000\n";

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) collectStrings(item, into);
}

function rebuild(value: unknown, next: () => string): unknown {
  if (typeof value === "string") return next();
  if (Array.isArray(value)) return value.map((item) => rebuild(item, next));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rebuild(item, next)]));
  }
  return value;
}

/**
 * A copy of `value` with every string in it redacted, and the total count. The strings are
 * scanned as one text: a state holds thousands of file names, and one scan costs far less.
 */
export async function redactDeep<T>(value: T): Promise<Redacted<T>> {
  const strings: string[] = [];
  collectStrings(value, strings);
  const joined = strings.join(SEPARATOR);
  const ranges = joined.length ? await secretRanges(joined) : [];
  if (ranges.length === 0) return { value, count: 0 };
  const redacted: string[] = [];
  let offset = 0;
  for (const text of strings) {
    const end = offset + text.length;
    // A secret spanning two strings (no rule should match across the separator) is redacted in both.
    const inside = ranges
      .filter((range) => range.start < end && range.end > offset)
      .map((range) => ({ start: Math.max(range.start, offset) - offset, end: Math.min(range.end, end) - offset }));
    redacted.push(replaceRanges(text, inside));
    offset = end + SEPARATOR.length;
  }
  let index = 0;
  return { value: rebuild(value, () => redacted[index++]!) as T, count: ranges.length };
}
