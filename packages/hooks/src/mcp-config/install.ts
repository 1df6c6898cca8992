import { HandoffError, isHandoffError } from "@handoff/core";
import { agentsInUse, describeReason } from "../project-config/agents-in-use.js";
import { configOwners, filesEditedBy, installConfigEdits, uninstallConfigEdits, type ConfigFileAction } from "../project-config/config-files.js";
import { readConfigText } from "../project-config/safe-file.js";
import { mcpConfigFiles } from "./agent-files.js";
import { checkEntry } from "./entry-check.js";
import { mcpServerCommand, type McpServerCommand } from "./server-command.js";

const OWNER_PREFIX = "mcp:";

export interface McpRegistration {
  agent: string;
  /** Relative to the root. */
  file: string;
  /** `theirs`: the file already names a server `handoff` that handoff did not write; kept. */
  action: ConfigFileAction | "theirs";
  /** Why the agent counts as in use (install only). */
  reason?: string;
  error?: HandoffError;
}

export interface McpInstallOptions {
  root: string;
  gitDir: string;
  /** The `--agents` value; absent: the agents in use here. */
  requested?: string;
  env?: NodeJS.ProcessEnv;
}

export interface McpInstallResult {
  server: McpServerCommand;
  registrations: McpRegistration[];
}

/**
 * Adds handoff's MCP server to the project MCP configuration of each agent in use, in that agent's
 * own file, keeping everything else in it (project-config: merge, idempotent, byte-exact uninstall).
 * A file that cannot be edited safely is reported with its error; the others are still written.
 */
export async function installMcpServer(options: McpInstallOptions): Promise<McpInstallResult> {
  const { root, gitDir } = options;
  const used = agentsInUse({ root, requested: options.requested, env: options.env });
  const server = mcpServerCommand(root);
  const registrations: McpRegistration[] = [];
  for (const config of mcpConfigFiles(root, server)) {
    const use = used.find((entry) => entry.agent === config.agent);
    if (!use) continue;
    const owner = `${OWNER_PREFIX}${config.agent}`;
    const base = { agent: config.agent, file: config.file, reason: describeReason(use.reason) };
    try {
      const mine = filesEditedBy(gitDir, owner).includes(config.file);
      if (checkEntry(root, config, readConfigText(root, config.file), mine) === "theirs") {
        registrations.push({ ...base, action: "theirs" });
        continue;
      }
      const change = await installConfigEdits({ root, gitDir }, owner, config.file, config.edits);
      registrations.push({ ...base, action: change.action });
    } catch (error) {
      if (!isHandoffError(error)) throw error;
      registrations.push({ ...base, action: "failed", error });
    }
  }
  return { server, registrations };
}

/** Takes handoff's server out of every file `installMcpServer` changed here; each file as it was. */
export async function uninstallMcpServer(options: Pick<McpInstallOptions, "root" | "gitDir">): Promise<McpRegistration[]> {
  const registrations: McpRegistration[] = [];
  for (const owner of configOwners(options.gitDir).filter((name) => name.startsWith(OWNER_PREFIX))) {
    for (const change of await uninstallConfigEdits(options, owner)) {
      registrations.push({ agent: owner.slice(OWNER_PREFIX.length), file: change.file, action: change.action, error: change.error });
    }
  }
  return registrations;
}
