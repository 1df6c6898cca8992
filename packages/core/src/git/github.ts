import { execFile } from "node:child_process";
import { findExecutable } from "../util/find-executable.js";
import { gitEnvironment } from "./env.js";
import type { References } from "./references.js";

const TIMEOUT_MS = 3000;

function gh(ghPath: string, root: string, args: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(ghPath, args, { cwd: root, env: { ...gitEnvironment(), GH_PROMPT_DISABLED: "1" }, timeout: TIMEOUT_MS }, (error, stdout) => {
      resolve(error ? [] : stdout.split("\n").map((line) => line.trim()).filter((line) => /^\d+$/.test(line)));
    });
  });
}

/**
 * What the spec's save script asked `gh` for: open issues assigned to me, plus the pull request
 * of the current branch. Only when `gh` is installed; any failure (offline, not logged in,
 * not a GitHub remote) gives nothing, and each call gives up after a few seconds.
 */
export async function readGithubReferences(root: string): Promise<References | undefined> {
  const ghPath = findExecutable("gh");
  if (!ghPath) return undefined;
  const [issues, prs] = await Promise.all([
    gh(ghPath, root, ["issue", "list", "--assignee", "@me", "--state", "open", "--json", "number", "--jq", ".[].number"]),
    gh(ghPath, root, ["pr", "view", "--json", "number", "--jq", ".number"]),
  ]);
  return { issues: issues.map((n) => `#${n}`), prs: prs.map((n) => `#${n}`) };
}

export function mergeReferences(a: References, b: References | undefined): References {
  if (!b) return a;
  return { issues: [...new Set([...a.issues, ...b.issues])], prs: [...new Set([...a.prs, ...b.prs])] };
}
