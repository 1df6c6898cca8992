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
