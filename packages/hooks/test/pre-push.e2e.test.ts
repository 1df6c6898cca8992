import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupTempDirs, createRepo, makeTempDir, testEnv, type TestRepo } from "@handoff/test-utils";

afterAll(cleanupTempDirs);

/** The BUILT @handoff/hooks: the hook runs exactly what users get. */
const HOOKS_DIST = new URL("../dist/index.js", import.meta.url).href;
const FIX = "use tokens from @/design-system/tokens";

function config(prePush?: string): string {
  return JSON.stringify({
    rules: [
      { id: "design-tokens", severity: "STRICT", files: "app/**/*.tsx", forbid: "\\b(px-8|bg-blue-500|text-gray-600)\\b", message: "hardcoded {match}", fix: FIX },
      { id: "page-layout", severity: "STRICT", files: "app/**/page.tsx", require: "PageLayout", message: "PageLayout missing" },
      { id: "prefer-const", severity: "FLEXIBLE", files: "**/*.ts", forbid: "\\blet\\b", message: "prefer const" },
    ],
    ...(prePush ? { prePush } : {}),
  });
}

/**
 * Installs a pre-push hook that calls the built runPrePush the way `handoff hooks run pre-push`
 * does: git's arguments, its stdin, and findings on stderr.
 */
function installHook(repo: TestRepo): void {
  const script = path.join(repo.root, ".git", "handoff-pre-push.mjs");
  writeFileSync(
    script,
    [
      `import { runPrePush } from ${JSON.stringify(HOOKS_DIST)};`,
      'let stdin = "";',
      "for await (const chunk of process.stdin) stdin += chunk;",
      "process.exitCode = await runPrePush({",
      "  cwd: process.cwd(), remote: process.argv[2], url: process.argv[3], stdin, env: process.env,",
      '  out: (line) => process.stderr.write(line + "\\n"),',
      "});",
    ].join("\n"),
  );
  const hook = path.join(repo.root, ".git", "hooks", "pre-push");
  writeFileSync(hook, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(script)} "$@"\n`);
  chmodSync(hook, 0o755);
}

/** A repository with a real bare remote (`origin`) and the hook installed. */
function repoWithRemote(prePush?: string): TestRepo & { remote: string } {
  const repo = createRepo();
  const remote = path.join(makeTempDir("handoff-remote-"), "origin.git");
  spawnSync("git", ["init", "-q", "--bare", remote], { env: testEnv() });
  repo.git("remote", "add", "origin", remote);
  repo.commit("config", { "handoff.config.json": config(prePush) });
  installHook(repo);
  return Object.assign(repo, { remote });
}

function push(repo: TestRepo, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("git", ["push", ...args], { cwd: repo.root, env: testEnv(env), encoding: "utf8" });
  return { code: result.status, stderr: result.stderr };
}

function remoteHead(repo: TestRepo & { remote: string }, ref: string): string {
  const result = spawnSync("git", ["rev-parse", "--verify", "-q", ref], { cwd: repo.remote, env: testEnv(), encoding: "utf8" });
  return result.stdout.trim();
}

const HEADER = 'export function Header() {\n  return <header className="px-8">Site</header>;\n}\n';
const FOOTER = 'export function Footer() {\n  return <footer className="bg-blue-500">©</footer>;\n}\n';
const PAGE = 'import { PageLayout } from "@/layout";\nexport default () => <PageLayout><p className="text-gray-600" /></PageLayout>;\n';
const NEW_PAGE = "export default function NewPage() {\n  return <main>New</main>;\n}\n";

beforeAll(() => {
  // The hook imports the built package: say so clearly when it was not built.
  expect(existsSync(fileURLToPath(HOOKS_DIST)), "run `pnpm run build` first").toBe(true);
});

describe("pre-push through a real hook and a real bare remote", () => {
  it("warn (the default): lists every STRICT violation with file:line, rule and fix, and lets the push go", () => {
    const repo = repoWithRemote();
    const tip = repo.commit("feat: pages", {
      "app/components/Header.tsx": HEADER,
      "app/components/Footer.tsx": FOOTER,
      "app/page.tsx": PAGE,
      "app/new-page/page.tsx": NEW_PAGE,
      "lib/format.ts": "let out = 1;\n",
    });
    const result = push(repo, ["-u", "origin", "main"]);
    expect(result.code).toBe(0);
    expect(remoteHead(repo, "refs/heads/main")).toBe(tip);
    expect(result.stderr).toContain("handoff: 4 STRICT rule violations in the commits being pushed:");
    expect(result.stderr).toContain(`  app/components/Header.tsx:2  STRICT  design-tokens  hardcoded px-8  (${FIX})`);
    expect(result.stderr).toContain(`  app/components/Footer.tsx:2  STRICT  design-tokens  hardcoded bg-blue-500  (${FIX})`);
    expect(result.stderr).toContain(`  app/page.tsx:2  STRICT  design-tokens  hardcoded text-gray-600  (${FIX})`);
    expect(result.stderr).toContain("  app/new-page/page.tsx:1  STRICT  page-layout  PageLayout missing");
    expect(result.stderr).toContain("handoff: 1 FLEXIBLE rule note (notes only, never blocking):");
    expect(result.stderr).toContain("  lib/format.ts:1  FLEXIBLE  prefer-const  prefer const: let");
    expect(result.stderr).toContain('the push goes ahead ("prePush": "warn")');
  });

  it("a clean push prints nothing", () => {
    const repo = repoWithRemote("block");
    repo.commit("feat: clean", { "app/page.tsx": 'import { PageLayout } from "x";\n' });
    const result = push(repo, ["-q", "origin", "main"]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("handoff");
  });

  it("block: a STRICT violation stops the push and says how to skip; HANDOFF_SKIP=1 and --no-verify push", () => {
    const repo = repoWithRemote("block");
    push(repo, ["-q", "origin", "main"]);
    const before = remoteHead(repo, "refs/heads/main");
    const tip = repo.commit("feat: header", { "app/components/Header.tsx": HEADER });

    const blocked = push(repo, ["origin", "main"]);
    expect(blocked.code).not.toBe(0);
    expect(remoteHead(repo, "refs/heads/main")).toBe(before);
    expect(blocked.stderr).toContain(`app/components/Header.tsx:2  STRICT  design-tokens  hardcoded px-8  (${FIX})`);
    expect(blocked.stderr).toContain('push blocked ("prePush": "block" in handoff.config.json)');
    expect(blocked.stderr).toContain("HANDOFF_SKIP=1 git push");
    expect(blocked.stderr).toContain("git push --no-verify");

    const skipped = push(repo, ["origin", "main"], { HANDOFF_SKIP: "1" });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).not.toContain("handoff:");
    expect(remoteHead(repo, "refs/heads/main")).toBe(tip);

    const next = repo.commit("feat: footer", { "app/components/Footer.tsx": FOOTER });
    expect(push(repo, ["origin", "main"]).code).not.toBe(0);
    expect(push(repo, ["--no-verify", "origin", "main"]).code).toBe(0);
    expect(remoteHead(repo, "refs/heads/main")).toBe(next);
  });

  it("block: FLEXIBLE violations are notes and never block", () => {
    const repo = repoWithRemote("block");
    const tip = repo.commit("feat: util", { "lib/format.ts": "let out = 1;\n" });
    const result = push(repo, ["origin", "main"]);
    expect(result.code).toBe(0);
    expect(remoteHead(repo, "refs/heads/main")).toBe(tip);
    expect(result.stderr).toContain("lib/format.ts:1  FLEXIBLE  prefer-const  prefer const: let");
    expect(result.stderr).not.toContain("STRICT rule violation");
  });

  it("a new branch is checked only on what the remote does not have yet", () => {
    const repo = repoWithRemote("block");
    repo.commit("old violation, already pushed", { "app/components/Header.tsx": HEADER });
    expect(push(repo, ["-q", "--no-verify", "origin", "main"]).code).toBe(0);
    repo.git("switch", "-q", "-c", "feat/footer");
    repo.commit("feat: footer", { "app/components/Footer.tsx": FOOTER });
    const result = push(repo, ["origin", "feat/footer"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("app/components/Footer.tsx:2");
    expect(result.stderr).not.toContain("Header.tsx");
    expect(result.stderr).toContain("1 STRICT rule violation in the commits being pushed");
  });

  it("checks files as they are in the pushed commit: fixed or deleted later in the push means no violation", () => {
    const repo = repoWithRemote("block");
    push(repo, ["-q", "origin", "main"]);
    repo.commit("wip: header", { "app/components/Header.tsx": HEADER, "app/components/Footer.tsx": FOOTER });
    repo.commit("fix: header tokens", { "app/components/Header.tsx": 'export const Header = () => <header className="px-token" />;\n' });
    repo.git("rm", "-q", "app/components/Footer.tsx");
    repo.commit("drop footer");
    repo.write({ "app/components/Header.tsx": HEADER }); // on disk only: not part of the push
    const result = push(repo, ["origin", "main"]);
    expect(result.stderr).not.toContain("handoff:");
    expect(result.code).toBe(0);
  });

  it("a force push is checked from where the histories meet", () => {
    const repo = repoWithRemote("block");
    repo.commit("base", { "app/components/Header.tsx": HEADER });
    push(repo, ["-q", "--no-verify", "origin", "main"]);
    repo.commit("feat: clean work", { "lib/a.ts": "export const a = 1;\n" });
    push(repo, ["-q", "origin", "main"]);
    // Rewrite the last commit: the remote's tip is no longer an ancestor of ours.
    repo.write({ "app/components/Footer.tsx": FOOTER });
    repo.git("add", "-A");
    repo.git("commit", "-q", "--amend", "-m", "feat: work, amended");
    const result = push(repo, ["--force", "origin", "main"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("app/components/Footer.tsx:2");
    expect(result.stderr).not.toContain("Header.tsx"); // before the merge-base: already on the remote
  });

  it("deleting a remote branch checks nothing", () => {
    const repo = repoWithRemote("block");
    repo.git("switch", "-q", "-c", "feat/x");
    repo.commit("feat: x", { "app/components/Header.tsx": HEADER });
    expect(push(repo, ["-q", "--no-verify", "origin", "feat/x"]).code).toBe(0);
    const result = push(repo, ["origin", "--delete", "feat/x"]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("handoff:");
    expect(remoteHead(repo, "refs/heads/feat/x")).toBe("");
  });

  it('"prePush": "off" checks nothing', () => {
    const repo = repoWithRemote("off");
    repo.commit("feat: header", { "app/components/Header.tsx": HEADER });
    const result = push(repo, ["origin", "main"]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("handoff:");
  });

  it("a broken config never breaks the push", () => {
    const repo = repoWithRemote("block");
    repo.commit("feat: header", { "app/components/Header.tsx": HEADER });
    writeFileSync(path.join(repo.root, "handoff.config.json"), '{ "rules": [ { "id": "x", "severity": "STRICT", "files": "**", "forbid": "(", "message": "m" } ], "prePush": "block" }');
    const result = push(repo, ["origin", "main"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("handoff: the pre-push check was skipped:");
    expect(result.stderr).toContain("rules[0] (x).forbid");
  });
});
