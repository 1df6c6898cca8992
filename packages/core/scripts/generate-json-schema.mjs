#!/usr/bin/env node
// Writes schema/session-state.schema.json from the zod schema in the freshly built dist, with
// zod 4's own z.toJSONSchema. Part of `build`, so the shipped file can never lag the schema.
import { mkdirSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { sessionStateSchema } from "../dist/index.js";

const OUTPUT = new URL("../schema/session-state.schema.json", import.meta.url);
const SCHEMA_ID = "https://unpkg.com/@handoff/core/schema/session-state.schema.json";

// draft-07 is the draft editors (VS Code, JetBrains) and most validators in other languages
// support fully. io "input" describes the file as it may be written, which is what a reader checks.
const generated = z.toJSONSchema(sessionStateSchema, { target: "draft-07", io: "input" });
const { $schema: draft, ...rest } = generated;

const jsonSchema = {
  $schema: draft,
  $id: SCHEMA_ID,
  title: "handoff session state v2.0",
  description:
    "The session state an AI coding agent leaves for the next one (.claude/.session-state.json, " +
    ".opencode/.session-state.json, .github/copilot-session-state.json, ...). Generated from " +
    "@handoff/core's zod schema; unknown fields are allowed and kept.",
  ...rest,
  properties: {
    // Written by `handoff save --schema`; the zod schema is loose, so it is kept like any
    // unknown field. Listed here so that editors offer it instead of flagging it.
    $schema: { type: "string", description: "Where editors find this JSON Schema." },
    ...rest.properties,
  },
};

mkdirSync(new URL(".", OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `${JSON.stringify(jsonSchema, null, 2)}\n`);
