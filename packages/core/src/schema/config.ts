import { z } from "zod";
import { rulesProblems, ruleShapeSchema } from "./rule.js";

/** The checks `handoff validate` runs, named as the session state's `validation` fields. */
export const CHECK_NAMES = ["typescript", "eslint", "tests"] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

const AGENT_NAME = /^[a-z][a-z0-9_-]*$/;

export const agentEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    file: z.string().min(1),
    label: z.string().optional(),
    command: z.string().optional(),
    maxTokens: z.number().int().positive().optional(),
  }),
]);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    agents: z
      .record(z.string().regex(AGENT_NAME, "agent names are lower case letters, digits, - and _"), agentEntrySchema)
      .optional(),
    rules: z.array(ruleShapeSchema).optional(),
    /** A shell command per check; `false` turns off the package.json default. */
    checks: z.partialRecord(z.enum(CHECK_NAMES), z.union([z.string().min(1), z.literal(false)])).optional(),
    prePush: z.enum(["warn", "block", "off"]).optional(),
    /** "push": the pre-push hook also pushes refs/handoff/<branch> (handoff push) with the branch. */
    share: z.enum(["push", "off"]).optional(),
    /** The agent that takes over when an agent stops on a rate limit (agent hooks write its state). */
    fallback: z.string().regex(AGENT_NAME, "agent names are lower case letters, digits, - and _").optional(),
  })
  // Pattern problems are named by rule, `rules[1] (page-layout).forbid: ...`, not by a bare index.
  .superRefine((config, context) => {
    for (const { location, message } of rulesProblems(config.rules ?? [])) {
      context.addIssue({ code: "custom", path: [location], message });
    }
  });

export type HandoffConfig = z.infer<typeof configSchema>;
export type AgentEntry = z.infer<typeof agentEntrySchema>;
