export { agentsInUse, parseAgentsOption, describeReason, PROJECT_AGENTS } from "./agents-in-use.js";
export type { AgentPresence, AgentInUse, AgentInUseReason, AgentsInUseOptions } from "./agents-in-use.js";
export { installConfigEdits, uninstallConfigEdits, filesEditedBy, configOwners } from "./config-files.js";
export type { ConfigFileTarget, ConfigFileChange, ConfigFileAction } from "./config-files.js";
export type { ConfigEdit, JsonPath } from "./edits.js";
export { ledgerPath } from "./ledger.js";
export { MAX_CONFIG_FILE_BYTES } from "./safe-file.js";
