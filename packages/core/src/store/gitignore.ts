import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write.js";

const HEADER = "# handoff: agent session state files (local to each checkout)";

function ignoreLines(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.replace(/^\//, "")),
  );
}

/**
 * Appends the given repo-relative files to the root `.gitignore` when it does not list them yet.
 * Returns the entries added; a `.gitignore` that is a symlink is left alone.
 */
export function ensureIgnored(root: string, files: readonly string[]): string[] {
  const file = path.join(root, ".gitignore");
  let text = "";
  try {
    if (lstatSync(file).isSymbolicLink()) return [];
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const present = ignoreLines(text);
  const missing = files.filter((entry) => !present.has(entry));
  if (missing.length === 0) return [];
  const hasHeader = text.includes(HEADER);
  const block = (hasHeader ? missing : [HEADER, ...missing]).join("\n");
  const before = text === "" || text.endsWith("\n") ? text : `${text}\n`;
  const gap = before && !hasHeader ? "\n" : "";
  writeFileAtomic(file, `${before}${gap}${block}\n`);
  return missing;
}
