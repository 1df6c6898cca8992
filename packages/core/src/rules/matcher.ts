import { RE2JS } from "re2js";
import { runWithinBudget } from "./time-budget.js";

/**
 * How a rule's pattern runs. A pattern from a repository's config is hostile input: `^(a+)+$`
 * takes exponential time in a backtracking engine. Patterns RE2 can express (nearly all: no
 * lookahead, lookbehind or backreference) run on re2js, which matches in linear time; the others
 * run on JavaScript's engine under a time budget (`time-budget.ts`).
 */
export interface PatternMatcher {
  engine: "linear" | "backtracking";
  /** Whether the pattern matches anywhere in `text` (a `require` rule). */
  found(text: string): boolean;
  /** Up to `max` distinct texts it matches in `line`, empty matches left out; [] when none. */
  matchesIn(line: string, max: number): string[];
  /** Whether it matches `line` at all. */
  test(line: string): boolean;
  /**
   * Runs `work` (which calls the methods above) within the rule's budget; undefined when the budget
   * ran out. The linear engine needs none and runs `work` as it is.
   */
  withinBudget<T>(work: () => T): T | undefined;
}

/** A rule's total matching time over one run, for a pattern that can backtrack. */
export const RULE_TIME_BUDGET_MS = 3000;

function re2Flags(flags: string): number {
  let bits = 0;
  if (flags.includes("i")) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes("s")) bits |= RE2JS.DOTALL;
  if (flags.includes("m")) bits |= RE2JS.MULTILINE;
  return bits;
}

/**
 * Escapes that mean something else without the `u` flag (`\p{L}` is "p{L}" to JavaScript then),
 * and the `v` flag's set notation, which RE2 does not have: those stay with JavaScript's engine.
 */
function re2Equivalent(source: string, flags: string): boolean {
  if (flags.includes("v")) return false;
  return flags.includes("u") || !/\\[pPu]\{|\\[pP]/.test(source);
}

function linear(source: string, flags: string): PatternMatcher | undefined {
  if (!re2Equivalent(source, flags)) return undefined;
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source), re2Flags(flags));
  } catch {
    return undefined; // lookaround, backreferences: JavaScript's engine, under a budget
  }
  // With `m`, JavaScript's ^ and $ also match at a \r, RE2's only at \n: CRLF and CR line ends are
  // then read as \n, unless the pattern looks for a \r itself.
  const multiline = flags.includes("m") && !source.includes("\\r");
  const lineEnds = multiline ? (text: string) => text.replace(/\r\n?/g, "\n") : (text: string) => text;
  return {
    engine: "linear",
    found: (text) => re.test(lineEnds(text)),
    test: (line) => re.test(line),
    matchesIn(line, max) {
      const found = new Set<string>();
      const matcher = re.matcher(line);
      while (found.size < max && matcher.find()) {
        const text = matcher.group() ?? "";
        if (text) found.add(text);
      }
      return [...found];
    },
    withinBudget: (work) => work(),
  };
}

function backtracking(source: string, flags: string): PatternMatcher {
  const pattern = new RegExp(source, flags);
  const everyMatch = new RegExp(source, `${flags}g`);
  let budgetMs = RULE_TIME_BUDGET_MS;
  return {
    engine: "backtracking",
    found: (text) => pattern.test(text),
    test: (line) => pattern.test(line),
    matchesIn(line, max) {
      const found = new Set<string>();
      everyMatch.lastIndex = 0;
      for (let match = everyMatch.exec(line); match !== null && found.size < max; match = everyMatch.exec(line)) {
        if (match[0] === "") {
          everyMatch.lastIndex += 1;
          if (everyMatch.lastIndex > line.length) break;
          continue;
        }
        found.add(match[0]);
      }
      return [...found];
    },
    withinBudget(work) {
      if (budgetMs <= 0) return undefined;
      const started = performance.now();
      try {
        return runWithinBudget(work, budgetMs);
      } finally {
        budgetMs -= performance.now() - started;
      }
    },
  };
}

/** The matcher for a pattern already known to compile (the config schema checks that). */
export function compilePattern(source: string, flags = ""): PatternMatcher {
  return linear(source, flags) ?? backtracking(source, flags);
}
