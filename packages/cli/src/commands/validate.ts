import {
  agentIn,
  buildValidation,
  checkWorkingFiles,
  compileRules,
  displaySafe,
  openRepo,
  planChecks,
  recordValidation,
  runChecks,
  skippedChecks,
  validationFailed,
  type CheckOutcome,
  type PlannedCheck,
} from "@handoff/core/internal";
import { flag, stringOption } from "../args.js";
import type { Output } from "../output.js";
import type { Command } from "./command.js";
import { takePositionals } from "./positionals.js";
import { printCheck, printRecorded, printRules, printSummary } from "./validate-report.js";
import { CHECKS_TITLE, checkingRules, running } from "../messages/validate.js";

/** Runs the checks, saying on stderr which one runs, and printing each as it ends (not with --json). */
async function runAndPrintChecks(root: string, plans: PlannedCheck[], out: Output, json: boolean): Promise<CheckOutcome[]> {
  const onStart = (check: PlannedCheck) => out.progress(displaySafe(running(check.label, check.command)));
  if (json) {
    const outcomes = await runChecks(root, plans, { onStart });
    out.endProgress();
    return outcomes;
  }
  out.line(CHECKS_TITLE);
  const outcomes = await runChecks(root, plans, { onStart, onDone: (check) => printCheck(out, check) });
  out.line();
  return outcomes;
}

const validate: Command = {
  usage: "handoff validate [--agent <agent>] [--no-checks] [--json]",
  summary:
    "Run the checks (typecheck, lint, tests) and the STRICT/FLEXIBLE rules on the tracked and staged files, " +
    "and record the results in the session states. Exit 1 on a STRICT violation or a failed check.",
  options: {
    agent: {
      type: "string",
      short: "a",
      value: "agent",
      description: "record only in this agent's state (saved first when it has none); default: every saved state",
    },
    "no-checks": { type: "boolean", description: "run only the rules; the checks are recorded as not_run" },
    json: { type: "boolean", description: "print only JSON: the validation, the checks and where it was recorded" },
  },
  async run(parsed, { cwd, out }) {
    takePositionals(parsed, []);
    const json = flag(parsed, "json");
    const opened = await openRepo(cwd);
    const agent = stringOption(parsed, "agent");
    if (agent !== undefined) agentIn(opened, agent); // an unknown agent is bad usage, before anything runs
    const root = opened.repo.root;
    const ruleList = opened.config.rules ?? [];
    const rules = compileRules(ruleList);

    const plans = planChecks(root, opened.config);
    const checks = flag(parsed, "no-checks") ? skippedChecks(plans) : await runAndPrintChecks(root, plans, out, json);

    if (ruleList.length > 0) out.progress(checkingRules(ruleList.length));
    const report = await checkWorkingFiles(root, rules, { hasHead: opened.repo.head !== null });
    out.endProgress();
    const validation = buildValidation({
      checks,
      rules: report,
      strictRuleCount: ruleList.filter((rule) => rule.severity === "STRICT").length,
    });
    const recorded = await recordValidation({ opened, validation, agent });
    const exitCode = validationFailed(validation) ? 1 : 0;

    if (json) {
      out.json({
        ok: exitCode === 0,
        validation,
        checks: checks.map(({ label: _label, ...check }) => check),
        rules: { count: ruleList.length, checked_files: report.checkedFiles, skipped: report.skipped, unchecked: report.unchecked },
        recorded: recorded.recorded,
        not_recorded: recorded.failed.map(({ agent: name, file, error }) => ({ agent: name, file, code: error.code, message: error.message })),
      });
      return exitCode;
    }
    printRules(out, report, ruleList.length);
    out.line();
    printSummary(out, validation, report);
    out.line();
    printRecorded(out, recorded);
    return exitCode;
  },
};

export default validate;
