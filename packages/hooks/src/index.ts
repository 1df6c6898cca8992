export { HOOK_NAMES, REFRESH_HOOKS, isHookName } from "./hook-names.js";
export type { HookName, RefreshHook } from "./hook-names.js";

export { runHook } from "./run-hook.js";
export type { RunHookOptions } from "./run-hook.js";
export type { PrePushOptions } from "./run-pre-push.js";
export { refreshAgentStates } from "./refresh.js";
export type { RefreshReport, RefreshFailure } from "./refresh.js";

export { appendHookLog, readHookLog, recentHookErrors, MAX_HOOK_LOG_BYTES } from "./hook-log.js";
export type { HookLogEntry, HookLogLevel } from "./hook-log.js";
export { hookLogPath } from "./git-folder.js";

export { installHooks } from "./install.js";
export type { InstallOptions, InstallResult } from "./install.js";
export { uninstallHooks } from "./uninstall.js";
export type { UninstallResult } from "./uninstall.js";
export { locateHooks } from "./hook-locations.js";
export { hookRunnerInstalled } from "./runner-present.js";
export type { HookLocations } from "./hook-locations.js";
export type { HookChange, HookAction } from "./hook-change.js";
export { PRE_PUSH_BLOCKED } from "./runner-script.js";
export type { RunnerTarget, RunnerGuard } from "./runner-script.js";
export { runPrePush } from "./pre-push.js";
export { unresolvedHookErrors, markHookErrorsResolved } from "./hook-log-resolved.js";

export {
  agentsInUse,
  parseAgentsOption,
  describeReason,
  PROJECT_AGENTS,
  installConfigEdits,
  uninstallConfigEdits,
  filesEditedBy,
  configOwners,
  ledgerPath,
  MAX_CONFIG_FILE_BYTES,
} from "./project-config/index.js";
export type {
  AgentPresence,
  AgentInUse,
  AgentInUseReason,
  AgentsInUseOptions,
  ConfigFileTarget,
  ConfigFileChange,
  ConfigFileAction,
  ConfigEdit,
  JsonPath,
} from "./project-config/index.js";

export { installMcpServer, uninstallMcpServer, mcpServerCommand } from "./mcp-config/index.js";
export type { McpRegistration, McpInstallOptions, McpInstallResult, McpServerCommand } from "./mcp-config/index.js";
// Agent hooks: each name from the module that defines it, so that the CLI's `handoff hook`
// program loads only what a hook run needs (packages/cli/tsup.config.ts rewrites imports by it).
export { HOOK_AGENTS, HOOK_EVENTS, isHookAgent, isHookEvent } from "./agent-hooks/events.js";
export type { HookAgent, HookEvent } from "./agent-hooks/events.js";
export { agentHookCommand, codexNotifyLine, HOOK_MARKER } from "./agent-hooks/hook-command.js";
export { AGENT_HOOK_CONTRACTS } from "./agent-hooks/contracts.js";
export type { AgentHookContract } from "./agent-hooks/contracts.js";
export { installAgentHooks, uninstallAgentHooks, hookAgentsInUse } from "./agent-hooks/install-agent-hooks.js";
export { installedAgentHooks, agentHooksOwner } from "./agent-hooks/installed.js";
export type { AgentHookChange, InstallAgentHooksOptions } from "./agent-hooks/install-agent-hooks.js";
export { runAgentHook } from "./agent-hooks/run-agent-hook.js";
export { quickSessionStart } from "./agent-hooks/session-start-quick.js";
export { sessionStartAnswer } from "./agent-hooks/session-start.js";
export type { QuickSessionStartOptions } from "./agent-hooks/session-start-quick.js";
export { newestStateSummaryPath } from "./agent-hooks/newest-state.js";
export { agentHookLogName } from "./agent-hooks/log-name.js";
export type { RunAgentHookOptions } from "./agent-hooks/run-agent-hook.js";
export { runQueuedAgentSaves } from "./agent-hooks/save-queued.js";
export type { RunQueuedSavesOptions } from "./agent-hooks/save-queued.js";
export { agentHooksStatus, agentHookEventNames } from "./agent-hooks/report.js";
export type { AgentHookStatus } from "./agent-hooks/report.js";
export { readAgentHookMemory, agentHookMemoryPath, sessionMemoryDir } from "./agent-hooks/memory.js";
export type { AgentHookMemory } from "./agent-hooks/memory.js";
