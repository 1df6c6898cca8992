import { joinNames } from "../util/paths.js";
import { fromVariable } from "./env.js";
import { modifiedAt } from "./files.js";
import type { SessionEnvironment } from "./types.js";

/** VS Code and the editors built on it, in the order their extension data is looked for. */
const EDITORS = ["Code", "Code - Insiders", "VSCodium", "Cursor", "Windsurf"];

/**
 * The user-data folder of an editor on this OS (https://code.visualstudio.com/docs/configure/settings#_settings-file-locations),
 * as a folder and the names under it: `agents` looks in five editors for two extensions (joinNames).
 */
function userDataSegments(where: SessionEnvironment, editor: string): string[] {
  if (process.platform === "darwin") return [where.home, "Library", "Application Support", editor, "User"];
  if (process.platform === "win32") {
    const appData = fromVariable(where, "APPDATA");
    return appData ? [appData, editor, "User"] : [where.home, "AppData", "Roaming", editor, "User"];
  }
  const config = fromVariable(where, "XDG_CONFIG_HOME");
  return config ? [config, editor, "User"] : [where.home, ".config", editor, "User"];
}

/** An extension's globalStorage folder in the first editor that has one; undefined when none has. */
export function vscodeGlobalStorage(where: SessionEnvironment, extensionId: string): string | undefined {
  for (const editor of EDITORS) {
    const [folder = "", ...names] = userDataSegments(where, editor);
    const dir = joinNames(folder, ...names, "globalStorage", extensionId);
    if (modifiedAt(dir) > 0) return dir;
  }
  return undefined;
}
