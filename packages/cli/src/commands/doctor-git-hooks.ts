import { statSync } from "node:fs";
import path from "node:path";
import { runGit } from "@handoff/core/internal";
import { HOOK_NAMES, locateHooks } from "@handoff/hooks";
import { finding, type DoctorFinding } from "./doctor-finding.js";
import { readCapped } from "./doctor-read.js";
import {
  FIX_HUSKY_CLONE,
  FIX_HUSKY_STUB,
  FIX_INSTALL,
  FIX_SKIP,
  gitHooksMissing,
  gitHooksOk,
  hooksPathMode,
  huskyMode,
  runnerMissing as runnerMissingText,
  SKIP_SET,
  someGitHooksMissing,
} from "../messages/doctor.js";


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
    ? huskyMode(configured)
    : configured
      ? hooksPathMode(configured)
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
    ? FIX_HUSKY_CLONE
    : huskyStubMissing
      ? FIX_HUSKY_STUB
      : FIX_INSTALL;
  if (missing.length === HOOK_NAMES.length) {
    findings.push(finding("Git hooks", "fail", gitHooksMissing(mode), fix));
  } else if (missing.length) {
    findings.push(finding("Git hooks", "fail", someGitHooksMissing(missing, mode), fix));
  } else if (runnerMissing) {
    const runner = path.relative(where.root, where.runner);
    findings.push(finding("Git hooks", "fail", runnerMissingText(runner), FIX_INSTALL));
  } else {
    findings.push(finding("Git hooks", "ok", gitHooksOk(HOOK_NAMES, mode)));
  }
  if (env.HANDOFF_SKIP === "1") findings.push(finding("Git hooks", "warn", SKIP_SET, FIX_SKIP));
  return findings;
}
