// The text of src/schema/state-fields.generated.ts, made from the JSON Schema that zod 4's
// z.toJSONSchema gives for the session state schema. Shared by generate-state-fields.mjs (which
// writes the file) and test/schema/state-fields.test.ts (which fails when the file is stale).

/** The keywords the quick parser reads; any other one would be a rule it does not check. */
const READ = ["type", "const", "enum", "minimum", "maximum", "items", "properties", "required", "anyOf"];
/** Keywords that say nothing about which values are valid. */
const IGNORED = ["description", "$schema"];

function fields(schema, at) {
  const kept = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (IGNORED.includes(keyword)) continue;
    if (keyword === "additionalProperties") {
      // Loose objects only: other tools' keys are kept, never refused.
      if (typeof value === "object" && value !== null && Object.keys(value).length === 0) continue;
      throw new Error(`${at}: additionalProperties ${JSON.stringify(value)}: the quick parser keeps every object loose`);
    }
    if (!READ.includes(keyword)) {
      throw new Error(`${at}: "${keyword}" is not checked by src/parse/quick-parse.ts: teach it there, then regenerate`);
    }
    if (keyword === "properties") {
      kept.properties = Object.fromEntries(Object.entries(value).map(([key, field]) => [key, fields(field, `${at}.${key}`)]));
    } else if (keyword === "items") {
      kept.items = fields(value, `${at}[]`);
    } else if (keyword === "anyOf") {
      kept.anyOf = value.map((option, index) => fields(option, `${at}|${index}`));
    } else {
      kept[keyword] = value;
    }
  }
  return kept;
}

/** JSON with two-space indents, short values kept on one line so that a field reads as one line. */
function format(value, indent = "") {
  const inline = JSON.stringify(value);
  if (inline.length + indent.length <= 100 || typeof value !== "object" || value === null) return inline;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => `${inner}${format(item, inner)}`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${items.join(",\n")}\n${indent}${close}`;
}

/** @param {object} jsonSchema z.toJSONSchema(sessionStateSchema, { target: "draft-07", io: "input" }) */
export function stateFieldsSource(jsonSchema) {
  const body = format(fields(jsonSchema, "(root)"));
  return [
    "// Generated from the zod schema in session-state.ts by scripts/generate-state-fields.mjs: do not edit.",
    "// After changing the schema: `pnpm --filter @handoff/core build && pnpm --filter @handoff/core generate:state-fields`.",
    "",
    "/**",
    " * Session state v2.0 as plain data (a JSON Schema subset), free of zod: the quick parser and the",
    " * key order read it on paths that must not load zod. test/schema/state-fields.test.ts fails when",
    " * it does not follow the zod schema.",
    " */",
    `export const STATE_FIELDS = ${body} as const;`,
    "",
  ].join("\n");
}
