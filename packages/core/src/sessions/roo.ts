import path from "node:path";
import { clineTaskReader } from "./cline-tasks.js";
import { handoffOverride } from "./env.js";
import type { SessionEnvironment } from "./types.js";
import { vscodeGlobalStorage } from "./vscode.js";

/**
 * Roo Code: VS Code's globalStorage/rooveterinaryinc.roo-cline/tasks/<task id>/, the same files as
 * Cline's (cline-tasks.ts). Its task history lives in VS Code's own state database, so the folder
 * a task ran in is read from the environment details of its first request.
 * Source: RooCodeInc/Roo-Code@f1f7a6457b3ec52b4fdb5784b4ccd2989f997988 packages/types/src/message.ts.
 */
const EXTENSION_ID = "rooveterinaryinc.roo-cline";

function storeDir(where: SessionEnvironment): string {
  return handoffOverride("roo", where) ?? vscodeGlobalStorage(where, EXTENSION_ID) ?? path.join(where.home, ".config", "Code", "User", "globalStorage", EXTENSION_ID);
}

export const rooReader = clineTaskReader("roo", "Roo Code", storeDir);
