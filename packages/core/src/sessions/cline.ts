import path from "node:path";
import { clineTaskReader } from "./cline-tasks.js";
import { fromVariable, handoffOverride } from "./env.js";
import { modifiedAt } from "./files.js";
import type { SessionEnvironment } from "./types.js";
import { vscodeGlobalStorage } from "./vscode.js";

/**
 * Cline: its data folder is CLINE_DATA_DIR, else CLINE_DIR/data, else ~/.cline/data (the CLI and,
 * since the SDK migration, the VS Code extension); older extension versions kept the same layout
 * in VS Code's globalStorage/saoudrizwan.claude-dev. Format: cline-tasks.ts.
 * Source: cline/cline@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4 apps/vscode/src/sdk/legacy-state-reader.ts (resolveDataDir).
 */
const EXTENSION_ID = "saoudrizwan.claude-dev";

function storeDir(where: SessionEnvironment): string {
  const override = handoffOverride("cline", where) ?? fromVariable(where, "CLINE_DATA_DIR");
  if (override) return override;
  const clineDir = fromVariable(where, "CLINE_DIR");
  if (clineDir) return path.join(clineDir, "data");
  const dataDir = path.join(where.home, ".cline", "data");
  if (modifiedAt(path.join(dataDir, "tasks")) > 0) return dataDir;
  return vscodeGlobalStorage(where, EXTENSION_ID) ?? dataDir;
}

export const clineReader = clineTaskReader("cline", "Cline", storeDir);
