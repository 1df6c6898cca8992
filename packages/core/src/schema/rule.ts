import { z } from "zod";

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const regexSource = z.string().min(1).refine(compiles, { message: "is not a valid regular expression" });

export const ruleSchema = z
  .strictObject({
    id: z.string().min(1),
    severity: z.enum(["STRICT", "FLEXIBLE"]),
    files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    forbid: regexSource.optional(),
    require: regexSource.optional(),
    message: z.string().min(1),
    fix: z.string().optional(),
  })
  .refine((rule) => (rule.forbid === undefined) !== (rule.require === undefined), {
    message: "needs exactly one of `forbid` or `require`",
  });

export type Rule = z.infer<typeof ruleSchema>;
