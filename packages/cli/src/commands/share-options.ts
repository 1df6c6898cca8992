import type { OptionTable } from "../args.js";

/** The options `handoff push` and `handoff pull` share. */
export const SHARE_OPTIONS: OptionTable = {
  remote: { type: "string", value: "R", description: "the git remote (default: the branch's upstream remote, else origin)" },
  json: { type: "boolean", description: "print the result as JSON" },
};
