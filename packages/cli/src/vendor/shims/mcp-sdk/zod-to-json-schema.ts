import { object } from "./zod-v3.js";

/** What the SDK calls to list a zod 3 schema; handoff has none (see ./zod-v3.ts). */
export const zodToJsonSchema = object;
