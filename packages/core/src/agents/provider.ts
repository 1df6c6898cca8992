import path from "node:path";
import { readBoundedTextOrUndefined } from "../util/read-bounded.js";

/**
 * The provider the spec's save script detected: OpenCode's `default_provider` in
 * `.opencode/config.json`. Undefined when there is nothing to read.
 */
export function detectProvider(root: string, agent: string): string | undefined {
  if (agent !== "opencode") return undefined;
  try {
    const config = JSON.parse(readBoundedTextOrUndefined(path.join(root, ".opencode", "config.json")) ?? "") as unknown;
    const provider = (config as { default_provider?: unknown }).default_provider;
    return typeof provider === "string" && provider ? provider : undefined;
  } catch {
    return undefined;
  }
}
