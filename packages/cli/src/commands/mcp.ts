import { UsageError } from "../errors.js";
import type { Command } from "./command.js";

const mcp: Command = {
  usage: "handoff mcp [install | uninstall] [--agents <list>]",
  summary: [
    "Without a subcommand: run the handoff MCP server on stdio (agents start it themselves; tools",
    "handoff_status, handoff_restore, handoff_save, handoff_validate). install / uninstall: add it to,",
    "or remove it from, the project MCP configuration of the agents in use here.",
  ].join("\n"),
  options: {},
  async run(parsed, { cwd }) {
    const [action, ...extra] = parsed.positionals;
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (action === undefined) {
      // The server and the MCP SDK load only here.
      await (await import("../mcp/serve.js")).serve(cwd);
      return 0;
    }
    throw new UsageError(`unknown mcp action "${action}"; expected install or uninstall`);
  },
};

export default mcp;
