import { agentHookCommand } from "./hook-command.js";

/**
 * The plugin file handoff installs for OpenCode. It runs the same guarded shell command as every
 * other agent's hook (so a clone without handoff, or with a node_modules git tracks, runs nothing),
 * gives it a Claude-style payload on stdin, and never lets a failure reach OpenCode: errors and
 * timeouts resolve to "no answer".
 *
 * Plugin shape: `export default { id, server }`, where `server(input)` returns the hooks
 * (anomalyco/opencode packages/opencode/src/plugin/loader.ts; "Path plugin must export id" for a
 * file plugin without an id). Events: `event` receives every bus event, `session.idle` carries
 * `properties.sessionID`; `experimental.chat.system.transform(input: { sessionID? }, output: { system:
 * string[] })` runs before each model call (@opencode-ai/plugin 1.18.33 dist/index.d.ts).
 */
export function opencodePlugin(): string {
  const commands = { save: agentHookCommand("opencode", "stop"), start: agentHookCommand("opencode", "session-start") };
  return `// handoff: saves this project's OpenCode session state after every turn (session.idle) and,
// at the start of a session, hands over the work another agent left here, once.
// Written by \`handoff hooks install\`; \`handoff hooks uninstall\` removes it. Edits here are kept
// by handoff (it will not overwrite a changed file). See docs/agent-hooks.md in handoff.
import { spawn } from "node:child_process";

const COMMANDS = ${JSON.stringify(commands, null, 2)};
const TIMEOUT_MS = 10000;

function run(command, payload, cwd) {
  return new Promise((resolve) => {
    let output = "";
    let child;
    try {
      child = spawn("/bin/sh", ["-c", command], { cwd, stdio: ["pipe", "pipe", "ignore"] });
    } catch {
      resolve("");
      return;
    }
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", () => {
      clearTimeout(timer);
      resolve("");
    });
    child.on("close", () => {
      clearTimeout(timer);
      resolve(output);
    });
    child.stdin.on("error", () => {});
    child.stdin.end(JSON.stringify(payload));
  });
}

function contextOf(answer) {
  try {
    const parsed = JSON.parse(answer);
    return typeof parsed?.additionalContext === "string" ? parsed.additionalContext : "";
  } catch {
    return "";
  }
}

export default {
  id: "handoff",
  server: async ({ directory, worktree }) => {
    const cwd = worktree || directory;
    const contexts = new Map();
    return {
      event: async ({ event }) => {
        if (event?.type !== "session.idle") return;
        const sessionId = event.properties?.sessionID;
        await run(COMMANDS.save, { hook_event_name: "session.idle", session_id: sessionId, cwd }, cwd);
      },
      "experimental.chat.system.transform": async (input, output) => {
        const sessionId = input?.sessionID;
        if (!sessionId || !Array.isArray(output?.system)) return;
        if (!contexts.has(sessionId)) {
          const answer = await run(COMMANDS.start, { hook_event_name: "session.start", session_id: sessionId, cwd }, cwd);
          contexts.set(sessionId, contextOf(answer));
        }
        const context = contexts.get(sessionId);
        if (context) output.system.push(context);
      },
    };
  },
};
`;
}
