import { z } from "zod";
import { globProblem, regexProblem, RULE_FLAGS, splitGlob } from "./rule-patterns.js";

const RULE_ID = /^[\w@][\w@./:-]*$/;

/** One STRICT or FLEXIBLE rule from `handoff.config.json`, checked field by field. */
export const ruleShapeSchema = z.strictObject({
  id: z.string().regex(RULE_ID, "rule ids are letters, digits and - _ . / : @, without spaces"),
  severity: z.enum(["STRICT", "FLEXIBLE"]),
  /** Globs relative to the repository root; a leading `!` excludes. */
  files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** A regular expression no line of a matching file may match. */
  forbid: z.string().min(1).optional(),
  /** A regular expression that must match somewhere in a matching file. */
  require: z.string().min(1).optional(),
  flags: z.string().regex(RULE_FLAGS, "only the regular expression flags i, m, s, u and v are allowed").optional(),
  /** What is wrong; `{match}` is replaced by the text a `forbid` pattern matched. */
  message: z.string().min(1),
  fix: z.string().min(1).optional(),
});

export type Rule = z.infer<typeof ruleShapeSchema>;

export interface RuleProblem {
  /** The field at fault; undefined for the rule as a whole. */
  field?: "id" | "files" | "forbid" | "require" | "flags";
  message: string;
}

export function ruleFiles(rule: Pick<Rule, "files">): string[] {
  return typeof rule.files === "string" ? [rule.files] : rule.files;
}

/** What stops a well-formed rule from working: its patterns and globs must compile. */
export function ruleProblems(rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if ((rule.forbid === undefined) === (rule.require === undefined)) {
    problems.push({
      message: 'needs exactly one of "forbid" (a pattern no line may match) or "require" (a pattern the file must contain)',
    });
  }
  for (const field of ["forbid", "require"] as const) {
    const source = rule[field];
    const problem = source === undefined ? undefined : regexProblem(source, rule.flags ?? "");
    if (problem) problems.push({ field, message: problem });
  }
  const globs = ruleFiles(rule);
  for (const glob of globs) {
    const problem = globProblem(glob);
    if (problem) problems.push({ field: "files", message: problem });
  }
  if (globs.every((glob) => splitGlob(glob).exclude)) {
    problems.push({ field: "files", message: 'has only exclusions ("!..."), so it selects no file; add a pattern to include' });
  }
  return problems;
}

/** `rules[1] (page-layout).forbid`: where a problem is, named by position and id. */
function ruleLocation(index: number, rule: Pick<Rule, "id">, field?: string): string {
  return `rules[${index}] (${rule.id})${field ? `.${field}` : ""}`;
}

/** Every problem of a rule list, duplicate ids included, each with its location. */
export function rulesProblems(rules: readonly Rule[]): { location: string; message: string }[] {
  const firstIndex = new Map<string, number>();
  return rules.flatMap((rule, index) => {
    const found = ruleProblems(rule).map((problem) => ({
      location: ruleLocation(index, rule, problem.field),
      message: problem.message,
    }));
    const first = firstIndex.get(rule.id);
    if (first === undefined) firstIndex.set(rule.id, index);
    else found.push({ location: ruleLocation(index, rule, "id"), message: `is also the id of rules[${first}]; ids must be unique` });
    return found;
  });
}

/** A single rule, shape and patterns both checked (the config schema checks a whole list instead). */
export const ruleSchema = ruleShapeSchema.superRefine((rule, context) => {
  for (const problem of ruleProblems(rule)) {
    context.addIssue({ code: "custom", message: problem.message, path: problem.field ? [problem.field] : [] });
  }
});
