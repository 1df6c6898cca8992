import { TASK_PRIORITIES, TASK_STATUSES, type SaveInput } from "@handoff/core";
import { flag, listOption, oneOf, stringOption, type OptionTable, type ParsedArgs } from "../args.js";

/** The options save and switch share: what the user says about the task. */
export const TASK_OPTIONS: OptionTable = {
  task: { type: "string", short: "t", value: "text", description: "the task description" },
  status: { type: "string", value: "status", description: `task status: ${TASK_STATUSES.join(" | ")}` },
  priority: { type: "string", value: "priority", description: `task priority: ${TASK_PRIORITIES.join(" | ")}` },
  next: { type: "string", short: "n", multiple: true, value: "step", description: "a next step; replaces the saved list" },
  estimate: { type: "string", value: "time", description: 'estimated time, e.g. "2 hours"' },
  spent: { type: "string", value: "time", description: 'time spent so far, e.g. "45 minutes"' },
  provider: { type: "string", short: "p", value: "name", description: "the provider or preset, e.g. groq_primary" },
  model: { type: "string", value: "name", description: "the model, e.g. claude-sonnet-4" },
  reason: { type: "string", short: "r", value: "text", description: "why the work is handed over (escalation, rate limit...)" },
};

/** `gh` is asked for issues and the branch's PR only when installed, and never with --offline. */
export const GITHUB_OPTIONS: OptionTable = {
  offline: { type: "boolean", description: "do not ask gh for issues and pull requests (also HANDOFF_OFFLINE=1)" },
};

export function askGithub(parsed: ParsedArgs): boolean {
  return !flag(parsed, "offline") && !process.env.HANDOFF_OFFLINE;
}

export function saveInputFrom(parsed: ParsedArgs): SaveInput {
  return {
    task: stringOption(parsed, "task"),
    status: oneOf("status", stringOption(parsed, "status"), TASK_STATUSES),
    priority: oneOf("priority", stringOption(parsed, "priority"), TASK_PRIORITIES),
    nextSteps: listOption(parsed, "next"),
    estimatedTime: stringOption(parsed, "estimate"),
    timeSpent: stringOption(parsed, "spent"),
    provider: stringOption(parsed, "provider"),
    model: stringOption(parsed, "model"),
    reason: stringOption(parsed, "reason"),
  };
}
