import { displaySafe, type SaveSessionResult } from "@handoff/core/internal";
import type { Output } from "../output.js";

/** What a save did besides writing: repairs, a backup of a corrupt file, .gitignore entries. */
export function printSaveNotes(out: Output, result: SaveSessionResult): void {
  const file = displaySafe(result.agent.file);
  for (const repair of result.repairs) out.note(`🔧 Repaired ${file}: ${repair}`);
  if (result.backup) {
    out.note(`⚠️  ${file} could not be read; its bytes were moved to ${displaySafe(result.backup)} and a fresh state was written`);
  }
  for (const entry of result.ignored) out.note(`🙈 Added ${displaySafe(entry)} to .gitignore`);
  if (result.ignoreFailed) {
    out.note(`⚠️  The state was saved, but .gitignore could not be updated: ${displaySafe(result.ignoreFailed.reason)}`);
    out.note(`   Add this line to .gitignore yourself, so that git never commits the state: ${displaySafe(result.ignoreFailed.entry)}`);
  }
}
