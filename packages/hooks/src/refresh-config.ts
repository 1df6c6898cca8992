import { existsSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE, type HandoffConfig } from "@handoff/core";

/**
 * The repository's config for a refresh. Without a handoff.config.json there is nothing to
 * validate, and the refresh loads no schema library: the config reader comes in only with a file.
 */
export async function refreshConfig(root: string): Promise<HandoffConfig> {
  if (!existsSync(path.join(root, CONFIG_FILE))) return {};
  const { loadConfig } = await import("./refresh-config-reader.js");
  return loadConfig(root);
}
