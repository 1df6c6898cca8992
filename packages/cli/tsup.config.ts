import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";
import { baseConfig } from "../../tsup.config.base.js";
import { LATER_FILES, laterFiles } from "./build/later-files.js";
import { mcpBundlePlugins } from "./build/mcp-bundle.js";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const packagesDir = fileURLToPath(new URL("..", import.meta.url));
/** The workspace entries the CLI imports, as source: the bin bundles them (they are devDependencies). */
const WORKSPACE: Record<string, string> = {
  "@handoff/core": path.join(packagesDir, "core/src/index.ts"),
  "@handoff/core/internal": path.join(packagesDir, "core/src/internal.ts"),
  "@handoff/hooks": path.join(packagesDir, "hooks/src/index.ts"),
};

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  dependencies?: Record<string, string>;
};
/** The CLI's own third-party dependencies resolve from its node_modules at run time. */
const ownDependencies = Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith("@handoff/"));
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const RE_EXPORT = /export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"(\.[^"]+)"/g;
const RE_EXPORT_ALL = /export\s+\*\s+from\s+"(\.[^"]+)"/g;
const definedIn = new Map<string, Map<string, string>>();

/**
 * Name -> the module that defines it, following `export { a } from "./x.js"` and `export * from`
 * through barrels (index.ts, internal.ts, project-config/index.ts) down to the defining file.
 */
function definingModules(file: string): Map<string, string> {
  const known = definedIn.get(file);
  if (known) return known;
  const map = new Map<string, string>();
  definedIn.set(file, map);
  const text = readFileSync(file, "utf8");
  const target = (specifier: string) => path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts"));
  for (const [, list, specifier] of text.matchAll(RE_EXPORT)) {
    const module = target(specifier!);
    for (const name of list!.split(",").map((item) => item.trim().replace(/^type\s+/, "")).filter(Boolean)) {
      if (/\sas\s/.test(name)) throw new Error(`${file}: "export { ${name} }": export it under its own name (the CLI's build maps names to the modules that define them)`);
      map.set(name, definingModules(module).get(name) ?? module);
    }
  }
  for (const [, specifier] of text.matchAll(RE_EXPORT_ALL)) {
    for (const [name, module] of definingModules(target(specifier!))) if (!map.has(name)) map.set(name, module);
  }
  return map;
}

const WORKSPACE_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*"(@handoff\/[^"]+)";?/g;

const DEFAULT_BUILTIN_IMPORT = /^import (\w+) from "(node:[\w/]+)";$/gm;

/**
 * For `import fs from "node:fs"`, esbuild's CommonJS output copies every property of the module
 * into a new object at start (`__toESM`): about 1 ms for the 39 such imports `agents` runs
 * (bench/README.md). `import fs = require("node:fs")` is the module itself.
 */
const builtinsRequired = (source: string) => source.replace(DEFAULT_BUILTIN_IMPORT, 'import $1 = require("$2");');

/**
 * A bundle runs the top level of every module an import reaches, and a workspace entry reaches all
 * of its package (zod's schemas, simple-git, ...). This rewrites `import { x } from "@handoff/core"`
 * (and `/internal`, `@handoff/hooks`) to imports of the modules that define the names, so that
 * `handoff restore` runs only what it uses. A name it cannot place, or an import of an entry in
 * another form (`import * as`, `import()`), fails the build. Every source file of the workspace
 * also has its default imports of Node's built-ins made plain requires (`builtinsRequired`).
 */
function directWorkspaceImports(): Plugin {
  return {
    name: "direct-workspace-imports",
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/](core|cli|hooks)[\\/]src[\\/].*\.ts$/ }, (args) => {
        const errors: { text: string }[] = [];
        const source = builtinsRequired(readFileSync(args.path, "utf8"));
        const contents = source.replace(WORKSPACE_IMPORT, (whole, typeOnly: string | undefined, list: string, entry: string) => {
          if (typeOnly || !WORKSPACE[entry]) return whole;
          const byModule = new Map<string, string[]>();
          for (const specifier of list.split(",").map((item) => item.trim()).filter(Boolean)) {
            if (specifier.startsWith("type ")) continue;
            const name = specifier.split(/\s+as\s+/)[0]!;
            const module = definingModules(WORKSPACE[entry]).get(name);
            if (!module) errors.push({ text: `${args.path}: "${name}" is not exported by ${entry} (${WORKSPACE[entry]})` });
            else byModule.set(module, [...(byModule.get(module) ?? []), specifier]);
          }
          return [...byModule].map(([module, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(module)};`).join("\n");
        });
        return errors.length ? { errors } : { contents, loader: "ts", resolveDir: path.dirname(args.path) };
      });
      // What is left of a workspace entry is an import the rewrite above did not place.
      build.onResolve({ filter: /^@handoff\// }, (args) => ({
        errors: [{ text: `${args.importer}: import names from "${args.path}" as \`import { name } from "${args.path}"\`, so that the build can map each to its module` }],
      }));
    },
  };
}

const tsFilesIn = (dir: string) => readdirSync(dir).filter((file) => file.endsWith(".ts")).map((file) => file.replace(/\.ts$/, ""));
/**
 * src/programs/<name>.ts is the program dist/<name>.cjs, which the bin (src/cli.ts) picks: one per
 * command, and `commands` with every command, for help, --version and unknown names.
 */
const PROGRAM_NAMES = tsFilesIn(fileURLToPath(new URL("./src/programs/", import.meta.url)));
// hook-full is not a command: programs/hook.ts loads it for what its small program does not answer.
const COMMAND_PROGRAMS = PROGRAM_NAMES.filter((name) => name !== "commands" && name !== "hook-full");

const VENDOR_DIR = fileURLToPath(new URL("./src/vendor/", import.meta.url));
/** src/vendor/<name>.ts re-exports third-party libraries; its bundle is dist/vendor/<name>.cjs. */
const VENDOR_NAMES = tsFilesIn(VENDOR_DIR);

/** Library name (`zod`) -> the vendor bundle that an import of it loads at run time. */
function vendorBundleOf(): Map<string, string> {
  const byLibrary = new Map<string, string>();
  for (const name of VENDOR_NAMES) {
    const text = readFileSync(path.join(VENDOR_DIR, `${name}.ts`), "utf8");
    for (const match of text.matchAll(/from\s+"([^"]+)"/g)) byLibrary.set(match[1]!, `./vendor/${name}.cjs`);
  }
  return byLibrary;
}

const SHIMS_DIR = path.join(VENDOR_DIR, "shims");

/**
 * src/vendor/shims/<library>.ts stands in for <library> wherever a bundled library imports it;
 * the shim itself still reaches the real one.
 */
function libraryShims(): Plugin {
  const shimmed = tsFilesIn(SHIMS_DIR);
  return {
    name: "library-shims",
    setup(build) {
      // The shims, and src/vendor/<name>.ts bundling the real library, reach the real one.
      build.onResolve({ filter: new RegExp(`^(?:${shimmed.map(escape).join("|")})$`) }, (args) =>
        args.importer.startsWith(VENDOR_DIR) ? undefined : { path: path.join(SHIMS_DIR, `${args.path}.ts`) },
      );
    },
  };
}

/**
 * Each large library is a file of its own, which the first code using it loads: a fresh
 * `handoff restore` compiles none of them, `handoff save` only simple-git.
 * (bench/README.md has the figures for this layout and for the ones it replaced.)
 */
function vendoredLibraries(): Plugin {
  const byLibrary = vendorBundleOf();
  return {
    name: "vendored-libraries",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const target = byLibrary.get(args.path);
        // A library's own imports (the MCP SDK's of zod) are bundled with it, in its vendor file.
        const fromLibrary = /[\\/]node_modules[\\/]/.test(args.importer);
        if (!target || fromLibrary || args.importer.startsWith(VENDOR_DIR)) return undefined;
        return { path: target, external: true };
      });
    },
  };
}

/** sql.js loads `sql-wasm.wasm` from the folder of the code that runs it: dist/vendor/, once bundled. */
function copySqlJsWasm(): void {
  const wasm = createRequire(import.meta.url).resolve("sql.js/dist/sql-wasm.wasm");
  mkdirSync(fileURLToPath(new URL("./dist/vendor/", import.meta.url)), { recursive: true });
  copyFileSync(wasm, fileURLToPath(new URL("./dist/vendor/sql-wasm.wasm", import.meta.url)));
}

/**
 * CommonJS, without code splitting: Node 20 loads one CommonJS file in a fraction of the time it
 * takes to load a graph of ES module chunks. @handoff/* are bundled from source together with their
 * dependencies, so they are only devDependencies: the CLI's tarball installs and runs alone.
 * Code reached only through `await import()` stays in the file but runs only when reached.
 * The session state's JSON Schema is shipped too (dist/schema/), for `save --schema`.
 */
export default defineConfig({
  ...baseConfig,
  entry: {
    cli: "src/cli.ts",
    ...Object.fromEntries(PROGRAM_NAMES.map((name) => [name, `src/programs/${name}.ts`])),
    ...Object.fromEntries(VENDOR_NAMES.map((name) => [`vendor/${name}`, `src/vendor/${name}.ts`])),
    ...LATER_FILES,
  },
  format: ["cjs"],
  splitting: false,
  treeshake: false,
  dts: false,
  noExternal: ownDependencies.length
    ? [new RegExp(`^(?!(?:${ownDependencies.map(escape).join("|")})(?:/|$))`)]
    : [/.*/],
  minify: process.env.HANDOFF_NO_MINIFY !== "1",
  define: { __COMMAND_PROGRAMS__: JSON.stringify(COMMAND_PROGRAMS) },
  // `import()` becomes `require()`: the bin runs its programs through vm.Script (src/run-program.ts),
  // where `import()` has no loader; every file it loads is CommonJS.
  esbuildOptions(options) {
    options.supported = { ...options.supported, "dynamic-import": false };
  },
  esbuildPlugins: [laterFiles(), ...mcpBundlePlugins(), vendoredLibraries(), libraryShims(), directWorkspaceImports()],
  onSuccess: async () => {
    copySqlJsWasm();
    mkdirSync(fileURLToPath(new URL("./dist/schema/", import.meta.url)), { recursive: true });
    copyFileSync(path.join(packagesDir, "core/schema/session-state.schema.json"), fileURLToPath(new URL("./dist/schema/session-state.schema.json", import.meta.url)));
  },
});
