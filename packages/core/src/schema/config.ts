import { z } from "zod";
import { ruleSchema } from "./rule.js";

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

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  agents: z
    .record(z.string().regex(AGENT_NAME, "agent names are lower case letters, digits, - and _"), agentEntrySchema)
    .optional(),
  rules: z.array(ruleSchema).optional(),
  checks: z.record(z.enum(["typescript", "eslint", "tests"]), z.string().min(1)).optional(),
  prePush: z.enum(["warn", "block", "off"]).optional(),
});

export type HandoffConfig = z.infer<typeof configSchema>;
export type AgentEntry = z.infer<typeof agentEntrySchema>;
