import { displaySafe } from "@handoff/core/internal";
import { installAgentHooks, uninstallAgentHooks, type AgentHookChange, type InstallAgentHooksOptions } from "@handoff/hooks";
import type { Output } from "../output.js";

const INSTALL_TEXT: Partial<Record<AgentHookChange["action"], string>> = {
  created: "created",
  updated: "added (your settings kept)",
  unchanged: "already there",
};

const UNINSTALL_TEXT: Partial<Record<AgentHookChange["action"], string>> = {
  restored: "given back as it was",
  removed: "handoff's entries taken out (your later changes kept)",
  deleted: "deleted (handoff had created it)",
  unchanged: "nothing to take out",
};

function failures(out: Output, changes: AgentHookChange[]): void {
  for (const change of changes.filter((entry) => entry.action === "failed")) {
    if (isLinkedAgentsMd(change)) {
      out.line("⚠️  AGENTS.md is a symbolic link, which handoff never writes through: its block was left out");
      out.line("   (add it by hand if you like; docs/agent-hooks.md shows it)");
      continue;
    }
    out.line(`❌ ${displaySafe(change.error?.message ?? change.file)}`);
    if (change.error?.hint) out.line(`   ${displaySafe(change.error.hint)}`);
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
  out.line(hooks.length ? `✅ Agent hooks: ${hooks.map((change) => change.agent).join(", ")}` : "ℹ️  Agent hooks: no agent in use here (no .claude/, .codex/, ... folder, no agent CLI on PATH)");
  for (const change of changes.filter((entry) => entry.action !== "failed")) {
    out.line(`   ${displaySafe(change.file)}: ${INSTALL_TEXT[change.action] ?? change.action}`);
  }
  failures(out, changes);
  if (hooks.some((change) => change.agent === "codex")) {
    out.line("ℹ️  Codex runs a project's hooks only when the project is trusted and you trust each hook: open /hooks");
    out.line("   in Codex and trust handoff's Stop and SessionStart (before Codex 0.124, also set [features] codex_hooks = true).");
    out.line("   A Codex without hooks can save through its notify program: see docs/agent-hooks.md.");
  }
  if (hooks.some((change) => change.agent === "gemini")) out.line("ℹ️  Gemini CLI asks before it runs new project hooks: accept handoff-save and handoff-restore.");
  out.line("   Add another agent: handoff hooks install --agents <names>, or --agents all");
}

function printAgentHooksUninstall(out: Output, changes: AgentHookChange[]): void {
  if (changes.length === 0) {
    out.line("No agent hooks are installed here; nothing changed.");
    return;
  }
  out.line("✅ Agent hooks removed");
  for (const change of changes.filter((entry) => entry.action !== "failed")) {
    out.line(`   ${displaySafe(change.file)}: ${UNINSTALL_TEXT[change.action] ?? change.action}`);
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
