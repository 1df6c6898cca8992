import vm from "node:vm";

/**
 * Runs `work` synchronously, stopped after `ms` milliseconds: node's vm timeout starts a watchdog
 * thread that terminates the running JavaScript, a regular expression stuck backtracking included
 * (nothing in `work` needs to cooperate). Returns undefined when the time ran out.
 */
export function runWithinBudget<T>(work: () => T, ms: number): T | undefined {
  const runner = budgetRunner();
  runner.context.job = work;
  try {
    return runner.script.runInContext(runner.context, { timeout: Math.max(1, Math.ceil(ms)) }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return undefined;
    throw error;
  } finally {
    runner.context.job = undefined;
  }
}

interface BudgetRunner {
  context: vm.Context & { job?: () => unknown };
  script: vm.Script;
}

let runner: BudgetRunner | undefined;

function budgetRunner(): BudgetRunner {
  runner ??= { context: vm.createContext({ job: undefined }), script: new vm.Script("job()") };
  return runner;
}
