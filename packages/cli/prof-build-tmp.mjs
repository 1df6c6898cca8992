import { build } from "/work/wt/mcp2/node_modules/.pnpm/esbuild@0.27.7/node_modules/esbuild/lib/main.js";
import { readFileSync } from "node:fs";
import path from "node:path";
const [entry, out, minify, pure] = process.argv.slice(2);
const shims = path.resolve("src/vendor/shims");
await build({ entryPoints: [entry], outfile: out, bundle: true, platform: "node", format: "cjs", minify: minify === "1", target: "node20", logLevel: "warning",
  plugins: [{ name: "shim", setup(b) {
    b.onResolve({ filter: /^(ajv|ajv-formats)$/ }, (a) => a.importer.startsWith(path.resolve("src/vendor")) ? undefined : { path: path.join(shims, a.path + ".ts") });
    if (pure === "1") b.onLoad({ filter: /@modelcontextprotocol[\\/]sdk[\\/]dist[\\/]esm[\\/]types\.js$/ }, (a) => {
      let n = 0;
      const contents = readFileSync(a.path, "utf8").replace(/(?<![\w.])(z|[A-Z]\w*Schema)(\s*\.\s*\w+\s*\()/g, (m, h, t) => { n++; return `/* @__PURE__ */ ${h}${t}`; });
      console.error("annotated", n);
      return { contents, loader: "js" };
    });
  } }] });
