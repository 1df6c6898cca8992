#!/usr/bin/env node
// Writes src/schema/state-fields.generated.ts from the zod schema in the freshly built dist: the
// zod-free description of the state that the quick parser and the key order use. Run it after a
// build whenever the schema changes (then build again); a unit test fails until it is run.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { sessionStateSchema } from "../dist/index.js";
import { stateFieldsSource } from "./state-fields-source.mjs";

const OUTPUT = new URL("../src/schema/state-fields.generated.ts", import.meta.url);
writeFileSync(OUTPUT, stateFieldsSource(z.toJSONSchema(sessionStateSchema, { target: "draft-07", io: "input" })));
