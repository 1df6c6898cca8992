import { displaySafe } from "@handoff/core/internal";
import { installAgentHooks, uninstallAgentHooks, type AgentHookChange, type InstallAgentHooksOptions } from "@handoff/hooks";
import type { Output } from "../output.js";
import {
  ADD_ANOTHER_AGENT,
  AGENT_HOOK_INSTALL_TEXT,
  AGENT_HOOK_UNINSTALL_TEXT,
  agentHookFile,
  AGENT_HOOKS_REMOVED,
  agentHooksInstalled,
  AGENTS_MD_LINKED,
  AGENTS_MD_LINKED_HINT,
  CODEX_TRUST,
  failedLine,
  GEMINI_TRUST,
  hintLine,
  NO_AGENT_HOOKS,
  NO_AGENT_IN_USE,
} from "../messages/setup.js";

const INSTALL_TEXT: Partial<Record<AgentHookChange["action"], string>> = AGENT_HOOK_INSTALL_TEXT;
const UNINSTALL_TEXT: Partial<Record<AgentHookChange["action"], string>> = AGENT_HOOK_UNINSTALL_TEXT;

function failures(out: Output, changes: AgentHookChange[]): void {
  for (const change of changes.filter((entry) => entry.action === "failed")) {
    if (isLinkedAgentsMd(change)) {
      out.line(AGENTS_MD_LINKED);
      out.line(AGENTS_MD_LINKED_HINT);
      continue;
    }
    out.line(failedLine(displaySafe(change.error?.message ?? change.file)));
    if (change.error?.hint) out.line(hintLine(displaySafe(change.error.hint)));
  }
}

/**
 * An AGENTS.md that is a symlink (often to CLAUDE.md) is common and fine: handoff never writes
 * through one, so its block is left out with a warning, not an error.
 */
function isLinkedAgentsMd(change: AgentHookChange): boolean {
  return change.agent === "agents-md" && change.error?.code === "E_SYMLINK";
}

/** 1 when a file could not be changed (the user has to fix it), else 0. */
function agentHooksExitCode(changes: AgentHookChange[]): number {
  return changes.some((change) => change.action === "failed" && !isLinkedAgentsMd(change)) ? 1 : 0;
}

/** `init` and `hooks install`: which agents got hooks, where, and what a person still has to do. */
function printAgentHooksInstall(out: Output, changes: AgentHookChange[]): void {
  const hooks = changes.filter((change) => change.agent !== "agents-md" && change.action !== "failed");
  out.line(hooks.length ? agentHooksInstalled(hooks.map((change) => change.agent)) : NO_AGENT_IN_USE);
  for (const change of changes.filter((entry) => entry.action !== "failed")) {
    out.line(agentHookFile(displaySafe(change.file), INSTALL_TEXT[change.action] ?? change.action));
  }
  failures(out, changes);
  if (hooks.some((change) => change.agent === "codex")) {
    CODEX_TRUST.forEach((line) => out.line(line));
  }
  if (hooks.some((change) => change.agent === "gemini")) out.line(GEMINI_TRUST);
  out.line(ADD_ANOTHER_AGENT);
}

function printAgentHooksUninstall(out: Output, changes: AgentHookChange[]): void {
  if (changes.length === 0) {
    out.line(NO_AGENT_HOOKS);
    return;
  }
  out.line(AGENT_HOOKS_REMOVED);
  for (const change of changes.filter((entry) => entry.action !== "failed")) {
    out.line(agentHookFile(displaySafe(change.file), UNINSTALL_TEXT[change.action] ?? change.action));
  }
  failures(out, changes);
}

/**
 * `init` and `hooks install`: writes the agent hooks and reports; the exit code. Loaded by those
 * commands only when they install: `handoff hooks run` (every git hook) never loads the editor.
 */
export async function installAndReportAgentHooks(out: Output, options: InstallAgentHooksOptions): Promise<number> {
  const changes = await installAgentHooks(options);
  printAgentHooksInstall(out, changes);
  return agentHooksExitCode(changes);
}

/** `hooks uninstall`: takes the agent hooks out and reports; the exit code. */
export async function uninstallAndReportAgentHooks(out: Output, target: { root: string; gitDir: string }): Promise<number> {
  const changes = await uninstallAgentHooks(target);
  printAgentHooksUninstall(out, changes);
  return agentHooksExitCode(changes);
}
