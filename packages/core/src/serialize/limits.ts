/** The largest state file handoff reads; a real one is a few kilobytes. */
export const MAX_STATE_BYTES = 5 * 1024 * 1024;
