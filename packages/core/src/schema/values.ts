/**
 * The value lists of session state v2.0, free of zod so that fast paths (the CLI's option
 * checks) can use them without loading the schema.
 */
export const CHECK_RESULTS = ["pass", "fail", "not_run", "pending"] as const;
export const TASK_STATUSES = ["pending", "in_progress", "blocked", "completed"] as const;
export const TASK_PRIORITIES = ["low", "medium", "high", "critical"] as const;
export const GIT_OPERATIONS = ["merge", "rebase", "am", "cherry-pick", "revert", "bisect"] as const;
export const SEVERITIES = ["STRICT", "FLEXIBLE"] as const;
