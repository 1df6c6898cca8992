/**
 * Repairs of files written by the spec's original bash scripts. Each one is reported,
 * so the user sees what was changed on load.
 */

type Json = Record<string, unknown>;

const FILE_LISTS: ReadonlyArray<readonly [string, string]> = [
  ["git", "staged_files"],
  ["context", "files_modified"],
  ["context", "files_created"],
];

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flattenStrings(list: unknown[]): unknown[] {
  return list.flat(Infinity).filter((item) => item !== "");
}

export function repairLegacyState(raw: Json, trailingText: string): string[] {
  const repairs: string[] = [];
  for (const [section, key] of FILE_LISTS) {
    const parent = raw[section];
    const list = isObject(parent) ? parent[key] : undefined;
    if (Array.isArray(list) && list.some((item) => Array.isArray(item) || item === "")) {
      (parent as Json)[key] = flattenStrings(list);
      repairs.push(`${section}.${key}: flattened a nested list written by the original save script`);
    }
  }
  const git = raw.git;
  if (isObject(git)) {
    for (const key of ["issues", "prs"]) {
      const list = git[key];
      if (!Array.isArray(list)) continue;
      const cleaned = flattenStrings(list).map((item) => (typeof item === "string" && /^\d+$/.test(item) ? `#${item}` : item));
      if (JSON.stringify(cleaned) !== JSON.stringify(list)) {
        git[key] = cleaned;
        repairs.push(`git.${key}: removed empty entries and wrote bare numbers as #N`);
      }
    }
    if (typeof git.uncommitted_changes === "string" && /^(true|false)$/.test(git.uncommitted_changes)) {
      git.uncommitted_changes = git.uncommitted_changes === "true";
      repairs.push("git.uncommitted_changes: read the string as a boolean");
    }
  }
  const appended = trailingText.trim();
  const handoff = raw.handoff === undefined ? {} : raw.handoff;
  // A `handoff` or `reason` of the wrong type is left for the schema to report, never overwritten.
  if (appended && isObject(handoff) && (handoff.reason === undefined || typeof handoff.reason === "string")) {
    const reason = appended
      .split("\n")
      .map((line) => line.trim().replace(/^Escalation:\s*/i, ""))
      .filter(Boolean)
      .join("; ");
    raw.handoff = { ...handoff, reason: handoff.reason ? `${handoff.reason}; ${reason}` : reason };
    repairs.push("text appended after the JSON was kept as handoff.reason");
  }
  return repairs;
}
