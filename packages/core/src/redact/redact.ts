import { SECRET_PATTERNS } from "./patterns.js";
import { secretlintRanges, type SecretRange } from "./secretlint.js";

export const REDACTED = "[REDACTED]";

export interface Redacted<T> {
  value: T;
  /** How many secrets were replaced. */
  count: number;
}

function patternRanges(text: string): SecretRange[] {
  const ranges: SecretRange[] = [];
  for (const { pattern, group } of SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const span = match.indices?.[group];
      if (!span || match[group] === REDACTED) continue;
      ranges.push({ start: span[0], end: span[1] });
    }
  }
  return ranges;
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

/** `text` with every secret found by secretlint's recommend preset or our own patterns replaced. */
export async function redactText(text: string): Promise<Redacted<string>> {
  if (text.length === 0) return { value: text, count: 0 };
  const ranges = merge([...(await secretlintRanges(text)), ...patternRanges(text)]);
  let value = "";
  let at = 0;
  for (const range of ranges) {
    value += text.slice(at, range.start) + REDACTED;
    at = range.end;
  }
  return { value: value + text.slice(at), count: ranges.length };
}

/** A copy of `value` with every string in it redacted, and the total count. */
export async function redactDeep<T>(value: T): Promise<Redacted<T>> {
  if (typeof value === "string") return (await redactText(value)) as Redacted<T>;
  if (Array.isArray(value)) {
    let count = 0;
    const items: unknown[] = [];
    for (const item of value) {
      const redacted = await redactDeep(item);
      items.push(redacted.value);
      count += redacted.count;
    }
    return { value: items as T, count };
  }
  if (typeof value === "object" && value !== null) {
    let count = 0;
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      const redacted = await redactDeep(item);
      entries.push([key, redacted.value]);
      count += redacted.count;
    }
    return { value: Object.fromEntries(entries) as T, count };
  }
  return { value, count: 0 };
}
