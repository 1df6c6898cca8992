import type { Violation } from "../schema/session-state.js";
import type { CompiledRule } from "./compile.js";

/** A file as the rules see it: its repository path and its bytes (staged, committed or on disk). */
export interface SourceFile {
  path: string;
  content: Buffer | string;
}

export type SkipReason = "binary" | "too-large";

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  size?: number;
}

/** A rule whose pattern ran out of its time budget: it was not checked (in full) this run. */
export interface UncheckedRule {
  rule: string;
  severity: Violation["severity"];
  /** The file it was matching when its time ran out. */
  file: string;
}

export interface RuleReport {
  /** In file order, then by line, then in rule order. */
  violations: Violation[];
  checkedFiles: number;
  skipped: SkippedFile[];
  /** Rules that took too long; their findings are not in `violations`. */
  unchecked: UncheckedRule[];
}

export interface RuleCheckOptions {
  /** Files larger than this are skipped (generated bundles, data): 1 MiB unless told. */
  maxBytes?: number;
}

export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** The line a `require` violation points at: the rule is about the whole file, so its first line. */
export const WHOLE_FILE_LINE = 1;

const BINARY_SNIFF_BYTES = 8000;
const MAX_MATCHES_PER_LINE = 5;
const MAX_MATCH_LENGTH = 80;

/** Git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
export function looksBinary(content: Buffer | string): boolean {
  if (typeof content === "string") return content.slice(0, BINARY_SNIFF_BYTES).includes("\0");
  return content.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function byteLength(content: Buffer | string): number {
  return typeof content === "string" ? Buffer.byteLength(content) : content.length;
}

function textOf(content: Buffer | string): string {
  const text = typeof content === "string" ? content : content.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function shorten(text: string): string {
  return text.length > MAX_MATCH_LENGTH ? `${text.slice(0, MAX_MATCH_LENGTH - 1)}…` : text;
}


/**
 * A `forbid` violation's message: `{match}` in the rule's message is replaced by what matched; without
 * the placeholder, the match is appended unless the message already says it.
 */
export function violationMessage(message: string, match: string | undefined): string {
  if (message.includes("{match}")) return message.replaceAll("{match}", match ?? "");
  if (match && !message.includes(match)) return `${message}: ${match}`;
  return message;
}

function violation(compiled: CompiledRule, file: string, line: number, match: string | undefined): Violation {
  const { rule } = compiled;
  // A `require` rule has no match to show; `{match}` names the pattern that is missing.
  const message =
    compiled.kind === "require" ? rule.message.replaceAll("{match}", rule.require ?? "") : violationMessage(rule.message, match);
  return {
    file,
    line,
    rule: rule.id,
    severity: rule.severity,
    message,
    ...(rule.fix ? { fix: rule.fix } : {}),
    ...(match ? { match } : {}),
  };
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

/** One rule's violations in one file's text; undefined when the rule ran out of time. */
function ruleViolations(compiled: CompiledRule, path: string, text: string, lines: () => string[]): Violation[] | undefined {
  const { matcher } = compiled;
  if (compiled.kind === "require") {
    const found = matcher.withinBudget(() => matcher.found(text));
    if (found === undefined) return undefined;
    return found ? [] : [violation(compiled, path, WHOLE_FILE_LINE, undefined)];
  }
  return matcher.withinBudget(() => {
    const found: Violation[] = [];
    lines().forEach((line, index) => {
      if (!matcher.test(line)) return;
      const matches = [...new Set(matcher.matchesIn(line, MAX_MATCHES_PER_LINE).map(shorten))];
      found.push(violation(compiled, path, index + 1, matches.length ? matches.join(", ") : undefined));
    });
    return found;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file, then line; violations on one line keep the order of the rules in the config. */
function sortViolations(violations: readonly Violation[]): Violation[] {
  return [...violations].sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
}

/** Collects violations file by file, so that callers can feed it batches without holding every file. */
export interface RuleChecker {
  check: (file: SourceFile) => void;
  skip: (file: SkippedFile) => void;
  report: () => RuleReport;
}

export function createRuleChecker(rules: readonly CompiledRule[], options: RuleCheckOptions = {}): RuleChecker {
  const maxBytes = options.maxBytes ?? MAX_RULE_FILE_BYTES;
  const violations: Violation[] = [];
  const skipped: SkippedFile[] = [];
  const unchecked = new Map<CompiledRule, UncheckedRule>();
  let checkedFiles = 0;
  return {
    check(file) {
      const applicable = rules.filter((rule) => rule.appliesTo(file.path) && !unchecked.has(rule));
      if (applicable.length === 0) return;
      const size = byteLength(file.content);
      if (size > maxBytes) return void skipped.push({ path: file.path, reason: "too-large", size });
      if (looksBinary(file.content)) return void skipped.push({ path: file.path, reason: "binary", size });
      checkedFiles += 1;
      const text = textOf(file.content);
      let lines: string[] | undefined;
      for (const compiled of applicable) {
        const found = ruleViolations(compiled, file.path, text, () => (lines ??= splitLines(text)));
        if (found) violations.push(...found);
        else unchecked.set(compiled, { rule: compiled.rule.id, severity: compiled.rule.severity, file: file.path });
      }
    },
    skip(file) {
      skipped.push(file);
    },
    report: () => ({ violations: sortViolations(violations), checkedFiles, skipped: [...skipped], unchecked: [...unchecked.values()] }),
  };
}

/** Runs the rules over files given as (path, content). */
export function checkFiles(
  rules: readonly CompiledRule[],
  files: Iterable<SourceFile>,
  options: RuleCheckOptions = {},
): RuleReport {
  const checker = createRuleChecker(rules, options);
  for (const file of files) checker.check(file);
  return checker.report();
}
