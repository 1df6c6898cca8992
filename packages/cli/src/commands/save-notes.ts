import { displaySafe, type SaveSessionResult } from "@handoff/core/internal";
import type { Output } from "../output.js";
import { addedToGitignore, repaired } from "../messages/common.js";
import { addToGitignoreYourself, gitignoreNotUpdated, movedAsideOnSave } from "../messages/save.js";

/** What a save did besides writing: repairs, a backup of a corrupt file, .gitignore entries. */
export function printSaveNotes(out: Output, result: SaveSessionResult): void {
  const file = displaySafe(result.agent.file);
  for (const repair of result.repairs) out.note(repaired(file, repair));
  if (result.backup) {
    out.note(movedAsideOnSave(file, displaySafe(result.backup)));
  }
  for (const entry of result.ignored) out.note(addedToGitignore(displaySafe(entry)));
  if (result.ignoreFailed) {
    out.note(gitignoreNotUpdated(displaySafe(result.ignoreFailed.reason)));
    out.note(addToGitignoreYourself(displaySafe(result.ignoreFailed.entry)));
  }
}
