/** The largest state file handoff reads; a real one is a few kilobytes. */
export const MAX_STATE_BYTES = 5 * 1024 * 1024;

/**
 * The file lists that grow with the repository (staged, conflicted, modified, created) keep at
 * most this many names each, and a `<list>_omitted` count for the rest...
 */
export const MAX_LISTED_FILES = 1000;

/**
 * ...and at most this many bytes of JSON each, so that the four together stay far below
 * MAX_STATE_BYTES whatever the names: a written state is always one handoff will read.
 */
export const MAX_LIST_JSON_BYTES = 256 * 1024;
