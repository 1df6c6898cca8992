import type { OptionTable } from "../args.js";

export const FROM_SESSION_OPTION: OptionTable = {
  "from-session": { type: "boolean", description: "fill the state from the agent's own latest session for this repository" },
};

/** node:util parseArgs has no automatic --no- prefix, so switch declares it as its own flag. */
export const NO_SESSION_OPTION: OptionTable = {
  "no-session": { type: "boolean", description: "do not read <from>'s own session (read by default when one is found)" },
};
