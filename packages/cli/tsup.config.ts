import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";
import { baseConfig } from "../../tsup.config.base.js";
import { MCP_LATER_ENTRIES, mcpBundlePlugins } from "./build/mcp-bundle.js";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const packagesDir = fileURLToPath(new URL("..", import.meta.url));
const sourceIndex = (pkg: string) => path.join(packagesDir, pkg, "src/index.ts");
const WORKSPACE = { "@handoff/core": sourceIndex("core"), "@handoff/hooks": sourceIndex("hooks") };

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  dependencies?: Record<string, string>;
};
/** The CLI's own third-party dependencies resolve from its node_modules at run time. */
const ownDependencies = Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith("@handoff/"));
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Export name -> the source module that defines it, read from `export { a, b } from "./x.js"` lines. */
function exportMap(indexFile: string): Map<string, string> {
  const map = new Map<string, string>();
  const text = readFileSync(indexFile, "utf8");
  for (const match of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"(\.[^"]+)"/g)) {
    const module = path.resolve(path.dirname(indexFile), match[2]!.replace(/\.js$/, ".ts"));
    for (const name of match[1]!.split(",").map((item) => item.trim()).filter(Boolean)) {
      if (!/\sas\s/.test(name)) map.set(name.replace(/^type\s+/, ""), module);
    }
  }
  return map;
}

/**
 * One `import { x } from "@handoff/core"` reaches the whole index, and a bundle runs the top level
 * of every module it reaches statically: each run would build zod's schemas and load simple-git.
 * This rewrites such imports to the modules that define the names, so that `handoff restore` runs
 * only what it uses. A name it cannot place keeps the index.
 */
function directWorkspaceImports(): Plugin {
  const maps = Object.fromEntries(Object.entries(WORKSPACE).map(([name, index]) => [name, exportMap(index)]));
  const importPattern = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*"(@handoff\/(?:core|hooks))";?/g;
  return {
    name: "direct-workspace-imports",
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/](cli|hooks)[\\/]src[\\/].*\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const contents = source.replace(importPattern, (whole, typeOnly: string | undefined, list: string, pkg: string) => {
          if (typeOnly) return whole;
          const map = maps[pkg]!;
          const byModule = new Map<string, string[]>();
          for (const specifier of list.split(",").map((item) => item.trim()).filter(Boolean)) {
            if (specifier.startsWith("type ")) continue;
            const name = specifier.split(/\s+as\s+/)[0]!;
            const module = map.get(name) ?? pkg;
            byModule.set(module, [...(byModule.get(module) ?? []), specifier]);
          }
          return [...byModule].map(([module, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(module)};`).join("\n");
        });
        return { contents, loader: "ts", resolveDir: path.dirname(args.path) };
      });
    },
  };
}

const tsFilesIn = (dir: string) => readdirSync(dir).filter((file) => file.endsWith(".ts")).map((file) => file.replace(/\.ts$/, ""));
/**
 * src/programs/<name>.ts is the program dist/<name>.cjs, which the bin (src/cli.ts) picks: one per
 * command, and `commands` with every command, for help, --version and unknown names.
 */
const PROGRAM_NAMES = tsFilesIn(fileURLToPath(new URL("./src/programs/", import.meta.url)));
const COMMAND_PROGRAMS = PROGRAM_NAMES.filter((name) => name !== "commands");

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
    ...MCP_LATER_ENTRIES,
  },
  format: ["cjs"],
  splitting: false,
  treeshake: false,
  dts: false,
  noExternal: ownDependencies.length
    ? [new RegExp(`^(?!(?:${ownDependencies.map(escape).join("|")})(?:/|$))`)]
    : [/.*/],
  minify: true,
  define: { __COMMAND_PROGRAMS__: JSON.stringify(COMMAND_PROGRAMS) },
  esbuildPlugins: [...mcpBundlePlugins(), vendoredLibraries(), libraryShims(), directWorkspaceImports()],
  esbuildOptions(options) {
    options.alias = WORKSPACE;
  },
  onSuccess: async () => {
    copySqlJsWasm();
    mkdirSync(fileURLToPath(new URL("./dist/schema/", import.meta.url)), { recursive: true });
    copyFileSync(path.join(packagesDir, "core/schema/session-state.schema.json"), fileURLToPath(new URL("./dist/schema/session-state.schema.json", import.meta.url)));
  },
});
