import type { Rule } from "../../src/schema/rule.js";

/** Example rules: a STRICT forbid rule with a fix, a STRICT require rule, a FLEXIBLE forbid rule. */
export const tokens = {
  id: "design-tokens",
  severity: "STRICT",
  files: "app/**/*.tsx",
  forbid: "\\b(px-8|bg-blue-500|text-gray-600)\\b",
  message: "hardcoded design value",
  fix: "use tokens from @/design-system/tokens",
} satisfies Rule;
export const layout = { id: "page-layout", severity: "STRICT", files: "app/**/page.tsx", require: "PageLayout", message: "PageLayout missing" } satisfies Rule;
export const preferConst = { id: "prefer-const", severity: "FLEXIBLE", files: "**/*.ts", forbid: "\\blet\\b", message: "prefer const" } satisfies Rule;
