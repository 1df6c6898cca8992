export { createRepo, cleanupTempDirs, makeTempDir, testEnv } from "./git-repo.js";
export type { TestRepo, FileTree, RepoOptions } from "./git-repo.js";
export { runHandoff, HANDOFF_BIN } from "./run-bin.js";
export type { BinResult, RunBinOptions } from "./run-bin.js";
export { STOPPED_ON_A_CONFLICT, repoUnderAnotherRepoHookEnv, repoWithFile } from "./scenarios.js";
export { nodeWithSqlite } from "./node-with-sqlite.js";
export { registryReachable } from "./registry.js";
export { eventually, refreshSettled } from "./waits.js";
