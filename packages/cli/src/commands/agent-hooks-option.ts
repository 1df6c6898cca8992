import type { OptionTable } from "../args.js";

export const AGENTS_OPTION: OptionTable = {
  agents: {
    type: "string",
    value: "list",
    description: "agent hooks for exactly these agents (claude,codex,gemini,opencode,cursor,copilot) or all; default: the agents in use here",
  },
};
