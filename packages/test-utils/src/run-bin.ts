import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { testEnv } from "./git-repo.js";

/** The built `handoff` bin: end-to-end tests run exactly what users run. */
export const HANDOFF_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../cli/dist/cli.cjs");

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunBinOptions {
  env?: Record<string, string>;
  input?: string;
  /** The node binary to run the bin with (default: the one running the tests). */
  node?: string;
}

export function runHandoff(cwd: string, args: string[], options: RunBinOptions = {}): BinResult {
  const result = spawnSync(options.node ?? process.execPath, [HANDOFF_BIN, ...args], {
    cwd,
    env: testEnv(options.env),
    input: options.input,
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
