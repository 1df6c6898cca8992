import { CHECK_NAMES, type CheckName, type HandoffConfig } from "../schema/config.js";
import { readPackageJson } from "./package-json.js";
import { detectPackageManager } from "./package-manager.js";

export const CHECK_LABELS: Record<CheckName, string> = { typescript: "TypeScript", eslint: "ESLint", tests: "Tests" };

/** The package.json scripts each check falls back to, in order of preference. */
export const DEFAULT_CHECK_SCRIPTS: Record<CheckName, readonly string[]> = {
  typescript: ["type-check", "typecheck"],
  eslint: ["lint"],
  tests: ["test:run", "test"],
};

/** The `test` script `npm init` writes: it only fails, so it is no test suite. */
const NPM_INIT_TEST = /^echo "Error: no test specified" && exit 1$/;

export interface PlannedCheck {
  name: CheckName;
  label: string;
  /** The shell command to run; undefined when the check cannot run (see `reason`). */
  command?: string;
  origin?: "config" | "package.json";
  reason?: string;
}

/** Which command each check runs: `checks` in the config first, then the package.json scripts. */
export function planChecks(root: string, config: HandoffConfig): PlannedCheck[] {
  const packageJson = readPackageJson(root);
  const scripts = packageJson.found ? packageJson.info.scripts : {};
  const manager = detectPackageManager(root, packageJson.found ? packageJson.info.packageManager : undefined);
  return CHECK_NAMES.map((name): PlannedCheck => {
    const label = CHECK_LABELS[name];
    const configured = config.checks?.[name];
    if (typeof configured === "string") return { name, label, command: configured, origin: "config" };
    if (configured === false) return { name, label, reason: "turned off in handoff.config.json" };
    const script = DEFAULT_CHECK_SCRIPTS[name].find((candidate) => {
      const body = scripts[candidate];
      return body !== undefined && body.trim() !== "" && !NPM_INIT_TEST.test(body.trim());
    });
    if (script) return { name, label, command: `${manager} run ${script}`, origin: "package.json" };
    const wanted = DEFAULT_CHECK_SCRIPTS[name].map((candidate) => `"${candidate}"`).join(" or ");
    const missing = packageJson.found
      ? `no ${wanted} script in package.json`
      : (packageJson.problem ?? "no package.json at the repository root");
    return { name, label, reason: `${missing}; set "checks.${name}" in handoff.config.json to run one` };
  });
}
