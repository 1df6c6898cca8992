import { displaySafe, loadSession, renderRestoreView } from "@handoff/core/internal";
import { flag, stringOption } from "../args.js";
import { UsageError } from "../errors.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { cannotCombine, repaired } from "../messages/common.js";
import { MAX_TOKENS_WITHOUT_PROMPT, maxTokensNotWhole, REFRESHED } from "../messages/restore.js";

function maxTokensOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value)) throw new UsageError(maxTokensNotWhole(value));
  return Number(value);
}

const restore: Command = {
  usage: "handoff restore <agent> [--json | --prompt [--max-tokens <n>]]",
  summary: "Show the agent's saved session; a state the repository has moved past is refreshed first.",
  options: {
    json: { type: "boolean", description: "print only the state JSON on stdout" },
    prompt: { type: "boolean", description: "print the Markdown prompt for the next agent (redacted)" },
    "max-tokens": {
      type: "string",
      value: "n",
      description: "with --prompt: the token budget (default: the agent's maxTokens); the rest is shortened",
    },
  },
  async run(parsed, { cwd, out }) {
    const [agent] = takePositionals(parsed, ["agent"]);
    if (flag(parsed, "json") && flag(parsed, "prompt")) throw new UsageError(cannotCombine("--json", "--prompt"));
    const maxTokens = maxTokensOption(stringOption(parsed, "max-tokens"));
    if (maxTokens !== undefined && !flag(parsed, "prompt")) throw new UsageError(MAX_TOKENS_WITHOUT_PROMPT);
    const loaded = await loadSession({ cwd, agent: agent! });
    for (const repair of loaded.repairs) out.note(repaired(displaySafe(loaded.agent.file), repair));
    if (loaded.freshness === "refreshed") out.note(REFRESHED);
    if (flag(parsed, "json")) out.json(loaded.state);
    else if (flag(parsed, "prompt")) {
      // The prompt path loads the redaction detectors; the plain view does not need them.
      const { handoffPrompt } = await import("./session-prompt.js");
      out.line((await handoffPrompt(out, loaded.state, loaded.agent, maxTokens)).prompt);
    } else out.line(renderRestoreView(loaded.state).split("\n").map((line) => out.tone(line)).join("\n"));
  },
};

export default restore;
