import { displaySafe, type OpenedRepo } from "@handoff/core/internal";
import { installMcpServer, uninstallMcpServer, type McpRegistration } from "@handoff/hooks";
import type { Output } from "../output.js";
import { hintLine, MCP_ACTION_TEXT, mcpIcon, mcpRegistration, mcpServerFor, MCP_NOT_REGISTERED, NO_MCP_AGENT } from "../messages/setup.js";

const ACTION_TEXT: Record<McpRegistration["action"], string> = MCP_ACTION_TEXT;

function printRegistration(out: Output, registration: McpRegistration): void {
  const icon = mcpIcon(registration.action);
  const why = registration.reason ? ` (${registration.reason})` : "";
  out.line(displaySafe(mcpRegistration(icon, registration.file, ACTION_TEXT[registration.action], why)));
  if (registration.error) {
    out.line(hintLine(displaySafe(registration.error.message)));
    if (registration.error.hint) out.line(hintLine(displaySafe(registration.error.hint)));
  }
}

/** `handoff mcp install` and the MCP step of `handoff init`; true when every file could be written. */
export async function registerMcpServer(out: Output, opened: OpenedRepo, requested?: string): Promise<boolean> {
  const { server, registrations } = await installMcpServer({ root: opened.repo.root, gitDir: opened.repo.gitDir, requested });
  if (registrations.length === 0) {
    out.line(NO_MCP_AGENT);
    return true;
  }
  out.line(displaySafe(mcpServerFor([server.command, ...server.args].join(" "))));
  registrations.forEach((registration) => printRegistration(out, registration));
  return registrations.every((registration) => registration.action !== "failed");
}

/** `handoff mcp uninstall`: true when every file could be put back. */
export async function unregisterMcpServer(out: Output, opened: OpenedRepo): Promise<boolean> {
  const registrations = await uninstallMcpServer({ root: opened.repo.root, gitDir: opened.repo.gitDir });
  if (registrations.length === 0) out.line(MCP_NOT_REGISTERED);
  registrations.forEach((registration) => printRegistration(out, registration));
  return registrations.every((registration) => registration.action !== "failed");
}
