import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";
import { baseConfig } from "../../tsup.config.base.js";

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
 * esbuild's code splitting decides what a command's chunk imports from every file the command
 * reaches, used or not: one `import { x } from "@handoff/core"` reaches the whole index, and with
 * it zod, simple-git and secretlint. This rewrites such imports to the modules that define the
 * names, so that `handoff restore` loads only what it runs. A name it cannot place keeps the index.
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

/**
 * The bin is one bundle, split per command: `handoff restore` loads its own chunk and what it
 * shares, and zod or simple-git only when it has to (bench/README.md has the figures).
 * @handoff/* are bundled from source, so that code splitting sees their modules, together with
 * their dependencies (zod, simple-git, ...), which the CLI could not resolve on its own; the
 * packages stay dependencies for their types and their API users.
 */
export default defineConfig({
  ...baseConfig,
  entry: ["src/cli.ts"],
  dts: false,
  noExternal: ownDependencies.length
    ? [new RegExp(`^(?!(?:${ownDependencies.map(escape).join("|")})(?:/|$))`)]
    : [/.*/],
  minifySyntax: true,
  minifyWhitespace: true,
  esbuildPlugins: [directWorkspaceImports()],
  esbuildOptions(options) {
    options.alias = WORKSPACE;
    // Bundled CommonJS dependencies (simple-git's `debug`) call `require` for node built-ins.
    options.banner = {
      js: 'import { createRequire as __handoffCreateRequire } from "node:module"; const require = __handoffCreateRequire(import.meta.url);',
    };
  },
});
