import { statSync } from "node:fs";
import path from "node:path";
import { runGit } from "@handoff/core/internal";
import { HOOK_NAMES, locateHooks } from "@handoff/hooks";
import { finding, type DoctorFinding } from "./doctor-finding.js";
import { readCapped } from "./doctor-read.js";

const FIX_INSTALL = "handoff hooks install";

function isExecutable(file: string): boolean {
  try {
    const stat = statSync(file);
    return stat.isFile() && (process.platform === "win32" || (stat.mode & 0o111) !== 0);
  } catch {
    return false;
  }
}

function mentionsHandoff(file: string): boolean {
  const read = readCapped(file, 64 * 1024);
  return read.kind === "text" && /\bhandoff\b/.test(read.text);
}

function callsRunner(file: string): boolean {
  const read = readCapped(file, 64 * 1024);
  return read.kind === "text" && read.text.includes("handoff/hook.sh");
}

/**
 * Which of handoff's git hooks git will run in this clone: the hook file git runs (core.hooksPath
 * honoured) must exist, be executable and call handoff (for husky 9, its `.husky/<hook>` does).
 */
export async function gitHookFindings(cwd: string, env: NodeJS.ProcessEnv): Promise<DoctorFinding[]> {
  const where = await locateHooks(cwd);
  const configured = (await runGit(where.root, ["config", "--get", "core.hooksPath"])).stdout.toString("utf8").trim();
  const mode = where.huskyDir
    ? `husky, core.hooksPath=${configured}`
    : configured
      ? `core.hooksPath=${configured}`
      : path.relative(where.root, where.hooksDir) || where.hooksDir;
  const missing: string[] = [];
  let huskyStubMissing = false;
  let runnerMissing = false;
  for (const hook of HOOK_NAMES) {
    const runs = path.join(where.hooksDir, hook);
    const source = where.huskyDir ? path.join(where.huskyDir, hook) : runs;
    if (where.huskyDir && !isExecutable(runs)) huskyStubMissing = true;
    if (!isExecutable(runs) || !mentionsHandoff(source)) missing.push(hook);
    else if (callsRunner(source) && !isExecutable(where.runner) && !statSync(where.runner, { throwIfNoEntry: false })?.isFile()) runnerMissing = true;
  }
  const findings: DoctorFinding[] = [];
  // husky runs .husky/<hook> only through the stub it writes in .husky/_ when `husky` runs (its
  // prepare step): a clone where that never ran has the committed hooks, and git ignores them.
  const committedHusky = !where.huskyDir && HOOK_NAMES.some((hook) => mentionsHandoff(path.join(where.root, ".husky", hook)));
  const fix = committedHusky
    ? "npm install (husky's prepare script sets core.hooksPath), or: npx husky"
    : huskyStubMissing
      ? `npx husky, then ${FIX_INSTALL}`
      : FIX_INSTALL;
  if (missing.length === HOOK_NAMES.length) {
    findings.push(finding("Git hooks", "fail", `handoff's git hooks are not installed in this clone (${mode}): states go stale after commits and checkouts`, fix));
  } else if (missing.length) {
    findings.push(finding("Git hooks", "fail", `${missing.join(", ")} ${missing.length === 1 ? "does" : "do"} not run handoff here (${mode})`, fix));
  } else if (runnerMissing) {
    const runner = path.relative(where.root, where.runner);
    findings.push(finding("Git hooks", "fail", `the hooks call ${runner}, which this clone does not have: they do nothing`, FIX_INSTALL));
  } else {
    findings.push(finding("Git hooks", "ok", `${HOOK_NAMES.join(", ")} run handoff (${mode})`));
  }
  if (env.HANDOFF_SKIP === "1") findings.push(finding("Git hooks", "warn", "HANDOFF_SKIP=1 is set: the hooks do nothing in this shell", "unset HANDOFF_SKIP"));
  return findings;
}
