import picomatch from "picomatch";
import { HandoffError } from "../errors.js";
import { CONFIG_FILE } from "../config/file-name.js";
import { ruleFiles, rulesProblems, type Rule } from "../schema/rule.js";
import { compilePattern, type PatternMatcher } from "./matcher.js";
import { GLOB_OPTIONS, splitGlob } from "../schema/rule-patterns.js";
import { UNUSABLE_RULES_HINT, unusableRules } from "../messages.js";

/** A rule ready to run: its globs and its pattern compiled once. */
export interface CompiledRule {
  rule: Rule;
  kind: "forbid" | "require";
  /** The pattern, on a linear-time engine where it can be, else under a time budget. */
  matcher: PatternMatcher;
  appliesTo(path: string): boolean;
}

function fileMatcher(rule: Rule): (path: string) => boolean {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const glob of ruleFiles(rule)) {
    const { exclude: isExclusion, pattern } = splitGlob(glob);
    (isExclusion ? exclude : include).push(pattern);
  }
  const included = picomatch(include, GLOB_OPTIONS);
  const excluded = exclude.length ? picomatch(exclude, GLOB_OPTIONS) : () => false;
  return (path) => included(path) && !excluded(path);
}

/**
 * Compiles the rules of a config. Rules from `loadConfig` are already checked; rules from
 * anywhere else get the same `rules[1] (page-layout).forbid: ...` error instead of a crash.
 */
export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  const problems = rulesProblems(rules);
  if (problems.length) {
    throw new HandoffError(
      "E_CONFIG_INVALID",
      unusableRules(CONFIG_FILE, problems.map((p) => `${p.location}: ${p.message}`)),
      { hint: UNUSABLE_RULES_HINT },
    );
  }
  return rules.map((rule) => {
    const kind = rule.forbid !== undefined ? "forbid" : "require";
    const source = (rule.forbid ?? rule.require)!;
    return { rule, kind, matcher: compilePattern(source, rule.flags ?? ""), appliesTo: fileMatcher(rule) };
  });
}

/** True when at least one rule looks at `path`: files no rule looks at are never read. */
export function anyRuleAppliesTo(rules: readonly CompiledRule[]): (path: string) => boolean {
  return (path) => rules.some((rule) => rule.appliesTo(path));
}
