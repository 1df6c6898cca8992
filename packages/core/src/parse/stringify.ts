import type { SessionState } from "../schema/session-state.js";

/** Pretty JSON with a final newline; key order is the schema's (the spec's), then other tools' keys. */
export function stringifyState(state: SessionState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
