export { installMcpServer, uninstallMcpServer } from "./install.js";
export type { McpRegistration, McpInstallOptions, McpInstallResult } from "./install.js";
export { mcpServerCommand } from "./server-command.js";
export type { McpServerCommand } from "./server-command.js";
