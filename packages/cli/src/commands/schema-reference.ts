import { existsSync } from "node:fs";
import path from "node:path";
import type { SessionState } from "@handoff/core";

const SCHEMA_IN_PACKAGE = "@handoff/core/schema/session-state.schema.json";
/** The copy @handoff/cli ships, for when it is installed alone. */
const SCHEMA_IN_CLI = "@handoff/cli/dist/schema/session-state.schema.json";
export const SCHEMA_URL = `https://unpkg.com/${SCHEMA_IN_PACKAGE}`;

/**
 * Where an editor opening `stateFile` (relative to `root`) finds the JSON Schema: a copy in the
 * repository's node_modules when there is one (works offline, matches the installed version),
 * else the published one.
 */
export function schemaReference(root: string, stateFile: string): string {
  const installed = [SCHEMA_IN_PACKAGE, SCHEMA_IN_CLI]
    .map((file) => path.join(root, "node_modules", ...file.split("/")))
    .find((file) => existsSync(file));
  if (!installed) return SCHEMA_URL;
  const fromStateDir = path.relative(path.dirname(path.join(root, stateFile)), installed);
  return fromStateDir.split(path.sep).join("/");
}

/**
 * The state with `$schema` first, where editors and readers expect it. A reference written by an
 * earlier `--schema` is kept (other keys are moved to the end on rebuild); `reference` replaces it.
 */
export function withSchemaFirst(state: SessionState, reference: string | undefined): SessionState {
  const { $schema: previous, ...rest } = state as SessionState & { $schema?: unknown };
  const value = reference ?? previous;
  return value === undefined ? state : ({ $schema: value, ...rest });
}
