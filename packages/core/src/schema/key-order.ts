import { STATE_FIELDS } from "./state-fields.generated.js";

/**
 * The order of the spec's fields, free of zod: a state handoff writes keeps it (keys other tools
 * wrote follow). It is the zod schema's order, through the generated state-fields.
 */
export const STATE_KEYS: readonly string[] = Object.keys(STATE_FIELDS.properties);
export const TASK_KEYS: readonly string[] = Object.keys(STATE_FIELDS.properties.task.properties);
export const CONTEXT_KEYS: readonly string[] = Object.keys(STATE_FIELDS.properties.context.properties);
export const GIT_KEYS: readonly string[] = Object.keys(STATE_FIELDS.properties.git.properties);
