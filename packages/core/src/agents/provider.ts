import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The provider the spec's save script detected: OpenCode's `default_provider` in
 * `.opencode/config.json`. Undefined when there is nothing to read.
 */
export function detectProvider(root: string, agent: string): string | undefined {
  if (agent !== "opencode") return undefined;
  try {
    const config = JSON.parse(readFileSync(path.join(root, ".opencode", "config.json"), "utf8")) as unknown;
    const provider = (config as { default_provider?: unknown }).default_provider;
    return typeof provider === "string" && provider ? provider : undefined;
  } catch {
    return undefined;
  }
}
