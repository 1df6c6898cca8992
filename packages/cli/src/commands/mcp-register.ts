import { displaySafe, type OpenedRepo } from "@handoff/core/internal";
import { installMcpServer, uninstallMcpServer, type McpRegistration } from "@handoff/hooks";
import type { Output } from "../output.js";

const ACTION_TEXT: Record<McpRegistration["action"], string> = {
  created: "created, with the handoff MCP server",
  updated: "handoff MCP server added (your settings kept)",
  unchanged: "handoff MCP server already there",
  restored: "restored as it was before handoff",
  removed: "handoff MCP server taken out (your later changes kept)",
  deleted: "deleted (handoff had created it)",
  failed: "left untouched",
  theirs: 'already names a server "handoff" that handoff did not write; left as it is',
};

function printRegistration(out: Output, registration: McpRegistration): void {
  const icon = registration.action === "failed" ? "❌" : registration.action === "theirs" ? "⚠️ " : "✅";
  const why = registration.reason ? ` (${registration.reason})` : "";
  out.line(displaySafe(`${icon} ${registration.file}: ${ACTION_TEXT[registration.action]}${why}`));
  if (registration.error) {
    out.line(`   ${displaySafe(registration.error.message)}`);
    if (registration.error.hint) out.line(`   ${displaySafe(registration.error.hint)}`);
  }
}

/** `handoff mcp install` and the MCP step of `handoff init`; true when every file could be written. */
export async function registerMcpServer(out: Output, opened: OpenedRepo, requested?: string): Promise<boolean> {
  const { server, registrations } = await installMcpServer({ root: opened.repo.root, gitDir: opened.repo.gitDir, requested });
  if (registrations.length === 0) {
    out.line("ℹ️  MCP: no agent with a project MCP file in use here (name them with --agents claude,codex,...)");
    return true;
  }
  out.line(displaySafe(`MCP server for the agents in use (they start it as: ${[server.command, ...server.args].join(" ")}):`));
  registrations.forEach((registration) => printRegistration(out, registration));
  return registrations.every((registration) => registration.action !== "failed");
}

/** `handoff mcp uninstall`: true when every file could be put back. */
export async function unregisterMcpServer(out: Output, opened: OpenedRepo): Promise<boolean> {
  const registrations = await uninstallMcpServer({ root: opened.repo.root, gitDir: opened.repo.gitDir });
  if (registrations.length === 0) out.line("ℹ️  MCP: handoff's server is in no agent's configuration here");
  registrations.forEach((registration) => printRegistration(out, registration));
  return registrations.every((registration) => registration.action !== "failed");
}
