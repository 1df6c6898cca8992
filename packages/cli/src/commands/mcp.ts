import { openRepo } from "@handoff/core";
import { stringOption } from "../args.js";
import { UsageError } from "../errors.js";
import type { Command } from "./command.js";
import { unexpectedArgument } from "../messages/common.js";
import { AGENTS_ONLY_WITH_INSTALL, unknownMcpAction } from "../messages/setup.js";

const mcp: Command = {
  usage: "handoff mcp [install | uninstall] [--agents <list>]",
  summary: [
    "Without a subcommand: run the handoff MCP server on stdio (agents start it themselves; tools",
    "handoff_status, handoff_restore, handoff_save, handoff_validate). install / uninstall: add it to,",
    "or remove it from, the project MCP configuration of the agents in use here.",
  ].join("\n"),
  options: {
    agents: {
      type: "string",
      value: "list",
      description: "install: the agents to register with (claude,cursor,copilot,gemini,codex,opencode or all); default: those in use here",
    },
  },
  async run(parsed, { cwd, out }) {
    const [action, ...extra] = parsed.positionals;
    if (extra.length) throw new UsageError(unexpectedArgument(extra[0]));
    if (action === undefined) {
      if (stringOption(parsed, "agents") !== undefined) throw new UsageError(AGENTS_ONLY_WITH_INSTALL);
      // The server and the MCP SDK load only here.
      await (await import("../mcp/serve.js")).serve(cwd);
      return 0;
    }
    if (action !== "install" && action !== "uninstall") throw new UsageError(unknownMcpAction(action));
    const agents = stringOption(parsed, "agents");
    if (action === "uninstall" && agents !== undefined) throw new UsageError(AGENTS_ONLY_WITH_INSTALL);
    const opened = await openRepo(cwd);
    const { registerMcpServer, unregisterMcpServer } = await import("./mcp-register.js");
    const ok = action === "install" ? await registerMcpServer(out, opened, agents) : await unregisterMcpServer(out, opened);
    return ok ? 0 : 1;
  },
};

export default mcp;
