/**
 * The packages as users get them: `pnpm pack` the three built packages, `npm install` the
 * tarballs into a fresh npm project, then use them there the way a user and other tooling would
 * (the bin through npx, @handoff/core from ESM, CommonJS and TypeScript).
 * The tarballs are installed together because packing turns `workspace:*` into real versions.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, makeTempDir, registryReachable, runHandoff, testEnv } from "@handoff/test-utils";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const PACKAGES = ["core", "hooks", "cli"] as const;
const TSC = path.join(REPO, "node_modules/typescript/bin/tsc");
const NODE_TYPES = path.join(REPO, "node_modules/@types");
const VERSION: string = JSON.parse(readFileSync(path.join(REPO, "packages/cli/package.json"), "utf8")).version;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without what a parent pnpm or npm run put there (npm_config_*, npm_package_*). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = testEnv();
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string, options: SpawnSyncOptions = {}): Ran {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: "utf8", ...options });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    return { code: 127, stdout: "", stderr: `${command}: not found` };
  }
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function mustRun(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.code} in ${cwd}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** `pnpm` when a pnpm script started us (it is on PATH then), else pnpm 10 through npx, as the README does. */
function pnpm(args: string[], cwd: string): string {
  const onPath = run("pnpm", ["--version"], cwd);
  return onPath.code === 0 ? mustRun("pnpm", args, cwd) : mustRun("npx", ["-y", "pnpm@10", ...args], cwd);
}

let project: string;
let tarballs: string;

/** `npm install` needs the registry for the packages' dependencies: without it, skip in seconds. */
const online = registryReachable();

beforeAll(() => {
  if (!online) return;
  for (const name of PACKAGES) {
    if (!existsSync(path.join(REPO, "packages", name, "dist"))) {
      throw new Error(`packages/${name}/dist is missing: run \`pnpm run build\` first (\`pnpm test\` does)`);
    }
  }
  tarballs = makeTempDir("handoff-tarballs-");
  for (const name of PACKAGES) pnpm(["pack", "--pack-destination", tarballs], path.join(REPO, "packages", name));
  const packed = readdirSync(tarballs).filter((file) => file.endsWith(".tgz"));
  expect(packed.sort()).toEqual([`handoff-cli-${VERSION}.tgz`, `handoff-core-${VERSION}.tgz`, `handoff-hooks-${VERSION}.tgz`]);

  project = makeTempDir("handoff-consumer-");
  writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2)}\n`);
  mustRun(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", ...packed.map((file) => path.join(tarballs, file))],
    project,
  );
  mustRun("git", ["init", "-q", "-b", "feat/42-consumer"], project);
  writeFileSync(path.join(project, ".gitignore"), "node_modules/\n");
  mustRun("git", ["add", ".gitignore", "package.json"], project);
  mustRun("git", ["commit", "-q", "-m", "chore: start (#41)"], project);
}, 300_000);

afterAll(cleanupTempDirs);

function handoff(...args: string[]): Ran {
  // `npx handoff ...`, except that --no never fetches a `handoff` from the registry (the installed
  // bin must be the one that runs) and `--` keeps options such as --version away from npx itself.
  return run("npx", ["--no", "--", "handoff", ...args], project);
}

describe.skipIf(!online)("the packed packages in a fresh npm project", () => {
  it("installs the bin: npx handoff --version and --help", () => {
    expect(handoff("--version")).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(handoff("--help").stdout).toContain("Usage: handoff <command> [options]");
  });

  it("saves with npx handoff save claude in a git repo, then restores", () => {
    writeFileSync(path.join(project, "auth.ts"), "export const auth = {};\n");
    const saved = handoff("save", "claude", "--task", "Add auth", "--next", "Test login flow");
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toBe("✅ Session state saved to .claude/.session-state.json\n");
    const state = JSON.parse(readFileSync(path.join(project, ".claude/.session-state.json"), "utf8"));
    expect(state).toMatchObject({ version: "2.0", agent: "claude", git: { branch: "feat/42-consumer" } });
    expect(state).not.toHaveProperty("$schema");

    const restored = handoff("restore", "claude");
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("📋 Restoring session from claude");
    expect(restored.stdout).toContain("1. Test login flow");
  });

  it("references the installed JSON Schema with save --schema", () => {
    const saved = handoff("save", "opencode", "--schema");
    expect(saved.code, saved.stderr).toBe(0);
    const state = JSON.parse(readFileSync(path.join(project, ".opencode/.session-state.json"), "utf8"));
    expect(state.$schema).toBe("../node_modules/@handoff/core/schema/session-state.schema.json");
    const schema = JSON.parse(readFileSync(path.resolve(project, ".opencode", state.$schema), "utf8"));
    expect(schema.required).toEqual(["version", "timestamp", "agent", "git"]);
  });

  it("sets the project up with npx handoff init, twice, and the installed hooks refresh the state", async () => {
    const first = handoff("init");
    expect(first.code, first.stderr).toBe(0);
    const scripts = JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).scripts;
    expect(scripts).toMatchObject({ "session:save": expect.stringContaining("handoff save") });
    const second = handoff("init");
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).scripts).toEqual(scripts);

    const saved = run("npm", ["run", "--silent", "session:save", "--", "copilot", "--task", "Through npm"], project);
    expect(saved.code, saved.stderr).toBe(0);
    writeFileSync(path.join(project, "feature.ts"), "export const feature = 1;\n");
    mustRun("git", ["add", "feature.ts"], project);
    mustRun("git", ["commit", "-q", "-m", "feat: feature"], project);
    const head = mustRun("git", ["rev-parse", "--short", "HEAD"], project).trim();
    // The post-commit hook refreshes in the background, after git has returned: wait for it.
    const stateFile = path.join(project, ".github/copilot-session-state.json");
    const lastCommit = () => JSON.parse(readFileSync(stateFile, "utf8")).git.last_commit as string;
    for (let waited = 0; lastCommit() !== head && waited < 60_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lastCommit()).toBe(head);
  }, 180_000);

  it("has the published shape: publint on what npm installed, arethetypeswrong on the libraries' tarballs", () => {
    const bin = (name: string) => path.join(REPO, "node_modules/.bin", name);
    for (const name of PACKAGES) {
      const linted = run(bin("publint"), [path.join(project, "node_modules/@handoff", name), "--pack", "false", "--strict"], project);
      expect(linted.code, linted.stdout + linted.stderr).toBe(0);
    }
    // hooks is ESM only: require(esm) loads it on Node >= 20.19, so the CommonJS columns do not apply.
    for (const [name, profile] of [["core", "strict"], ["hooks", "esm-only"]] as const) {
      const tarball = path.join(tarballs, `handoff-${name}-${VERSION}.tgz`);
      const checked = run(bin("attw"), [tarball, "--profile", profile, "--format", "ascii"], project);
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    }
  });

  it("imports @handoff/core from ESM: the parse function, the agent registry and the schema by path", () => {
    writeFileSync(
      path.join(project, "check.mjs"),
      [
        'import { readFileSync } from "node:fs";',
        'import { parseState, listAgents } from "@handoff/core";',
        'import * as hooks from "@handoff/hooks";',
        'import schema from "@handoff/core/schema/session-state.schema.json" with { type: "json" };',
        'const { state } = parseState(readFileSync(".claude/.session-state.json", "utf8"));',
        "console.log(JSON.stringify({",
        "  agents: listAgents().map((agent) => agent.name),",
        "  branch: state.git.branch,",
        "  schemaTitle: schema.title,",
        "  hooks: Object.keys(hooks).length > 0,",
        '  resolved: import.meta.resolve("@handoff/core"),',
        "}));",
      ].join("\n"),
    );
    const result = run("node", ["check.mjs"], project);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.agents.slice(0, 3)).toEqual(["claude", "opencode", "copilot"]);
    expect(output).toMatchObject({ branch: "feat/42-consumer", schemaTitle: "handoff session state v2.0", hooks: true });
    expect(output.resolved).toMatch(/node_modules\/@handoff\/core\/dist\/index\.js$/);
  });

  it("requires @handoff/core from CommonJS and gets the CommonJS build", () => {
    writeFileSync(
      path.join(project, "check.cjs"),
      [
        'const { readFileSync } = require("node:fs");',
        'const { parseState, listAgents, HandoffError } = require("@handoff/core");',
        'const schema = require("@handoff/core/schema/session-state.schema.json");',
        "let code;",
        'try { parseState("{}", "empty.json"); } catch (error) { code = error instanceof HandoffError && error.code; }',
        "console.log(JSON.stringify({",
        "  agents: listAgents().map((agent) => agent.name),",
        '  agent: parseState(readFileSync(".claude/.session-state.json", "utf8")).state.agent,',
        "  code,",
        "  schemaTitle: schema.title,",
        '  resolved: require.resolve("@handoff/core"),',
        "}));",
      ].join("\n"),
    );
    const result = run("node", ["check.cjs"], project);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.agents.slice(0, 3)).toEqual(["claude", "opencode", "copilot"]);
    expect(output).toMatchObject({ agent: "claude", code: "E_STATE_SCHEMA", schemaTitle: "handoff session state v2.0" });
    expect(output.resolved).toMatch(/node_modules\/@handoff\/core\/dist\/index\.cjs$/);
  });

  it("requires the ESM-only @handoff/hooks from CommonJS (require(esm), Node >= 20.19)", () => {
    writeFileSync(path.join(project, "hooks.cjs"), 'console.log(Object.keys(require("@handoff/hooks")).length > 0);\n');
    const result = run("node", ["hooks.cjs"], project);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("true\n");
  });

  it("type-checks TypeScript that uses the exported types, from ESM and CommonJS files", () => {
    const body = [
      "const agents: AgentInfo[] = listAgents();",
      "const files: string[] = agents.map((agent) => agent.file);",
      'const state: SessionState = parseState("{}").state;',
      "const branch: string = state.git.branch;",
      "const next: string[] | undefined = state.context?.next_steps;",
      "// @ts-expect-error version is the literal \"2.0\"",
      'const wrong: SessionState["version"] = "3.0";',
      "export { files, branch, next, wrong };",
    ];
    writeFileSync(
      path.join(project, "typed.mts"),
      ['import { listAgents, parseState, type AgentInfo, type SessionState } from "@handoff/core";', ...body].join("\n"),
    );
    writeFileSync(
      path.join(project, "typed.cts"),
      ['import { listAgents, parseState, type AgentInfo, type SessionState } from "@handoff/core";', ...body].join("\n"),
    );
    const result = run(
      "node",
      [TSC, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--typeRoots", NODE_TYPES,
        "--types", "node", "typed.mts", "typed.cts"],
      project,
    );
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);

    // The check can fail: a wrong type is reported.
    writeFileSync(path.join(project, "wrong.mts"), 'import type { SessionState } from "@handoff/core";\nconst s: SessionState = { version: "2.0" };\nexport { s };\n');
    const wrong = run("node", [TSC, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext",
      "--typeRoots", NODE_TYPES, "--types", "node", "wrong.mts"], project);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toContain("wrong.mts");
  }, 300_000);
});

describe.skipIf(!online)("the CLI's tarball installed alone", () => {
  let alone: string;

  beforeAll(() => {
    alone = makeTempDir("handoff-cli-alone-");
    writeFileSync(path.join(alone, "package.json"), `${JSON.stringify({ name: "alone", version: "1.0.0", private: true }, null, 2)}\n`);
    mustRun("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", path.join(tarballs, `handoff-cli-${VERSION}.tgz`)], alone);
    mustRun("git", ["init", "-q", "-b", "main"], alone);
    mustRun("git", ["commit", "-q", "--allow-empty", "-m", "start"], alone);
  }, 300_000);

  const handoffAlone = (...args: string[]) => run("npx", ["--no", "--", "handoff", ...args], alone);

  it("installs none of the libraries the bin bundles (no @handoff/core, zod, simple-git, secretlint)", () => {
    const installed = readdirSync(path.join(alone, "node_modules")).filter((name) => !name.startsWith("."));
    const scoped = installed.filter((name) => name.startsWith("@")).flatMap((scope) => readdirSync(path.join(alone, "node_modules", scope)).map((name) => `${scope}/${name}`));
    const packages = [...installed.filter((name) => !name.startsWith("@")), ...scoped].sort();
    for (const bundled of ["@handoff/core", "@handoff/hooks", "zod", "simple-git", "@secretlint/core", "re2js"]) expect(packages).not.toContain(bundled);
    expect(packages).toContain("@handoff/cli");
  });

  it("runs: save, restore --prompt (the redaction detectors), save --schema and hooks install", () => {
    expect(handoffAlone("--version")).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    const token = ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dc"].join("_");
    const saved = handoffAlone("save", "claude", "--task", `Charge with ${token}`);
    expect(saved.code, saved.stderr).toBe(0);
    const prompt = handoffAlone("restore", "claude", "--prompt");
    expect(prompt.code, prompt.stderr).toBe(0);
    expect(prompt.stdout).toContain("Task: Charge with [REDACTED]");
    const schema = handoffAlone("save", "opencode", "--schema");
    expect(schema.code, schema.stderr).toBe(0);
    const state = JSON.parse(readFileSync(path.join(alone, ".opencode/.session-state.json"), "utf8"));
    expect(state.$schema).toBe("../node_modules/@handoff/cli/dist/schema/session-state.schema.json");
    expect(JSON.parse(readFileSync(path.resolve(alone, ".opencode", state.$schema), "utf8")).title).toBe("handoff session state v2.0");
    const hooks = handoffAlone("hooks", "install");
    expect(hooks.code, hooks.stderr).toBe(0);
  });

  it("declares where it comes from: repository, homepage and bugs", () => {
    const manifest = JSON.parse(readFileSync(path.join(alone, "node_modules/@handoff/cli/package.json"), "utf8"));
    expect(manifest.repository).toMatchObject({ type: "git", url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/) });
    expect(manifest.homepage).toMatch(/^https:\/\/github\.com\//);
    expect(manifest.bugs.url).toMatch(/^https:\/\/github\.com\/.*\/issues$/);
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain("@handoff/core");
    const readme = readFileSync(path.join(alone, "node_modules/@handoff/cli/README.md"), "utf8");
    // Relative links point nowhere in a tarball or on the registry's page.
    expect(readme).not.toMatch(/\]\((?!https?:\/\/|#)/);
  });
});

/** Polls (the refresh runs in the background after git returns) until the state names HEAD. */
async function stateReaches(root: string, file: string): Promise<void> {
  const head = mustRun("git", ["rev-parse", "--short", "HEAD"], root).trim();
  const lastCommit = () => JSON.parse(readFileSync(path.join(root, file), "utf8")).git.last_commit as string;
  for (let waited = 0; lastCommit() !== head && waited < 60_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(lastCommit()).toBe(head);
}

const npmInstall = (cwd: string, ...extra: string[]) =>
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...extra], cwd);

/**
 * The project a team shares: handoff (and husky, when asked) as dev dependencies, `handoff init`
 * run and committed. Its clones are made next to it, so that the tarballs' relative `file:` paths
 * resolve from them too.
 */
function teamProject(husky: boolean): string {
  const origin = makeTempDir("handoff-team-");
  writeFileSync(path.join(origin, "package.json"), `${JSON.stringify({ name: "team-app", version: "1.0.0", private: true }, null, 2)}\n`);
  writeFileSync(path.join(origin, ".gitignore"), "node_modules/\n");
  mustRun("git", ["init", "-q", "-b", "main"], origin);
  const packed = readdirSync(tarballs).filter((file) => file.endsWith(".tgz")).map((file) => path.join(tarballs, file));
  const installed = npmInstall(origin, "--save-dev", ...packed, ...(husky ? ["husky@9"] : []));
  expect(installed.code, installed.stderr).toBe(0);
  if (husky) {
    mustRun("npx", ["--no", "--", "husky", "init"], origin);
    writeFileSync(path.join(origin, ".husky/pre-commit"), "echo team pre-commit >> .git/team.log\n");
  }
  const init = run("npx", ["--no", "--", "handoff", "init"], origin);
  expect(init.code, init.stderr).toBe(0);
  mustRun("git", ["add", "-A"], origin);
  mustRun("git", ["commit", "-q", "-m", "chore: set up handoff"], origin);
  return origin;
}

function cloneOf(origin: string): string {
  const clone = makeTempDir("handoff-team-");
  mustRun("git", ["clone", "-q", origin, clone], path.dirname(clone));
  return clone;
}

describe.skipIf(!online)("a teammate's clone of a project where `handoff init` was committed", () => {
  for (const husky of [false, true]) {
    it(`refreshes the state after the project's usual npm install, with no step of its own (${husky ? "husky" : "plain git"})`, async () => {
      const origin = teamProject(husky);
      const manifest = JSON.parse(readFileSync(path.join(origin, "package.json"), "utf8"));
      expect(manifest.scripts.prepare).toBe(husky ? "husky && (handoff hooks install --prepare || exit 0)" : "handoff hooks install --prepare || exit 0");

      const clone = cloneOf(origin);
      expect(existsSync(path.join(clone, ".git/handoff/hook.sh"))).toBe(false);
      const installed = npmInstall(clone);
      expect(installed.code, installed.stderr).toBe(0);
      expect(existsSync(path.join(clone, ".git/handoff/hook.sh"))).toBe(true);
      if (husky) expect(mustRun("git", ["config", "core.hooksPath"], clone).trim()).toBe(".husky/_");

      const saved = run("npx", ["--no", "--", "handoff", "save", "claude", "--task", "Pick up the login work"], clone);
      expect(saved.code, saved.stderr).toBe(0);
      writeFileSync(path.join(clone, "login.ts"), "export const login = 1;\n");
      mustRun("git", ["add", "login.ts"], clone);
      mustRun("git", ["commit", "-q", "-m", "feat: login"], clone);
      await stateReaches(clone, ".claude/.session-state.json");
      if (husky) expect(readFileSync(path.join(clone, ".git/team.log"), "utf8")).toContain("team pre-commit");
    }, 300_000);
  }

  it("an install without dev dependencies does not fail; git works, and status says in one line why states go stale", async () => {
    const origin = teamProject(false);
    const clone = cloneOf(origin);
    const production = npmInstall(clone, "--omit=dev");
    expect(production.code, production.stderr).toBe(0);
    expect(existsSync(path.join(clone, "node_modules/@handoff/cli"))).toBe(false);
    expect(existsSync(path.join(clone, ".git/handoff/hook.sh"))).toBe(false);

    // Another handoff (the repository's build) saves a state; the commit after it has no hooks to refresh it.
    expect(runHandoff(clone, ["save", "claude", "--task", "Ship"]).code).toBe(0);
    writeFileSync(path.join(clone, "x.ts"), "1\n");
    mustRun("git", ["add", "x.ts"], clone);
    mustRun("git", ["commit", "-q", "-m", "x"], clone);
    const status = runHandoff(clone, ["status"]);
    expect(status.stdout).toContain("stale");
    expect(status.stdout).toContain(
      "⚠️  States go stale here: the git hooks are not installed in this clone. Run `npx handoff hooks install` (or the project's install, where `handoff init` added its prepare step)",
    );
    // handoff removed after an install: git still works, and the hook log says what to do.
    const full = npmInstall(clone);
    expect(full.code, full.stderr).toBe(0);
    rmSync(path.join(clone, "node_modules/@handoff"), { recursive: true, force: true });
    mustRun("git", ["commit", "-q", "--allow-empty", "-m", "after handoff was removed"], clone);
    const log = path.join(clone, ".git/handoff/hooks.log");
    for (let waited = 0; !existsSync(log) && waited < 30_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(runHandoff(clone, ["status"]).stdout).toMatch(
      /The git hooks logged an error in the last 7 days; the latest \(post-commit, .*\): handoff was not found \(.*\); run `npx handoff hooks install` again/,
    );
  }, 300_000);
});
