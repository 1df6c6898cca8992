import path from "node:path";
import { MAX_SMALL_FILE_BYTES, readBoundedText, writeFileAtomic } from "@handoff/core/internal";
import jsonc from "jsonc-parser";
import { ExitError } from "../errors.js";
import { NOT_AN_OBJECT, NOT_AN_OBJECT_HINT, NOT_JSON_HINT, notJson, packageJsonProblem, SCRIPTS_NOT_AN_OBJECT, SCRIPTS_NOT_AN_OBJECT_HINT } from "../messages/setup.js";

/** The spec's npm scripts: `npm run session:save claude` and friends. */
export const SESSION_SCRIPTS: Record<string, string> = {
  "session:save": "handoff save",
  "session:restore": "handoff restore",
  "session:handoff": "handoff switch",
};

/**
 * The step every clone's install runs (npm, pnpm and yarn run a root `prepare`), so that the git
 * hooks work in a fresh clone without a step of its own. `|| exit 0` (understood by sh and by
 * cmd.exe) keeps an install without dev dependencies, where there is no handoff, from failing.
 */
export const PREPARE_STEP = "handoff hooks install --prepare || exit 0";

/** What `init` did to the `prepare` script. */
export type PrepareChange = "added" | "appended" | "present";

export interface ScriptsResult {
  /** False when the repository has no package.json at its root. */
  found: boolean;
  file: string;
  added: string[];
  /** Scripts already there with exactly handoff's command. */
  present: string[];
  /** Scripts the user already has under one of these names, with another command: left as they are. */
  kept: { name: string; command: string }[];
  prepare?: PrepareChange;
}

function formattingOf(text: string): jsonc.FormattingOptions {
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
  return {
    insertSpaces: !indent.startsWith("\t"),
    tabSize: indent.startsWith("\t") ? 1 : indent.length,
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
}

function invalid(file: string, problem: string, hint: string): ExitError {
  return new ExitError(1, packageJsonProblem(file, problem, hint));
}

/**
 * Adds the session:* scripts and the hooks' `prepare` step to the root package.json, editing its
 * text in place so that its indentation, key order and everything else stay as they were. A
 * script the user already has under one of the names is never replaced; a `prepare` of theirs
 * gets handoff's step appended after its own command.
 */
export function addSessionScripts(root: string): ScriptsResult {
  const file = path.join(root, "package.json");
  const result: ScriptsResult = { found: false, file, added: [], present: [], kept: [] };
  const text = readBoundedText(file, { maxBytes: MAX_SMALL_FILE_BYTES, what: "the package manifest" });
  if (text === undefined) return result;
  result.found = true;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw invalid(file, notJson((error as Error).message), NOT_JSON_HINT);
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    throw invalid(file, NOT_AN_OBJECT, NOT_AN_OBJECT_HINT);
  }
  const scripts = (manifest as { scripts?: unknown }).scripts;
  if (scripts !== undefined && (typeof scripts !== "object" || scripts === null || Array.isArray(scripts))) {
    throw invalid(file, SCRIPTS_NOT_AN_OBJECT, SCRIPTS_NOT_AN_OBJECT_HINT);
  }
  const existing = (scripts ?? {}) as Record<string, unknown>;
  const formattingOptions = formattingOf(text);
  let updated = text;
  for (const [name, command] of Object.entries(SESSION_SCRIPTS)) {
    const current = existing[name];
    if (current === command) result.present.push(name);
    else if (current !== undefined) result.kept.push({ name, command: typeof current === "string" ? current : JSON.stringify(current) });
    else {
      updated = jsonc.applyEdits(updated, jsonc.modify(updated, ["scripts", name], command, { formattingOptions }));
      result.added.push(name);
    }
  }
  const prepare = existing.prepare;
  if (typeof prepare === "string" && prepare.includes("handoff hooks install")) result.prepare = "present";
  else {
    // A prepare script the user has (`husky`, say) keeps running first, as it did.
    const command = typeof prepare === "string" && prepare.trim() ? `${prepare} && (${PREPARE_STEP})` : PREPARE_STEP;
    updated = jsonc.applyEdits(updated, jsonc.modify(updated, ["scripts", "prepare"], command, { formattingOptions }));
    result.prepare = typeof prepare === "string" && prepare.trim() ? "appended" : "added";
  }
  if (updated !== text) writeFileAtomic(file, updated);
  return result;
}
