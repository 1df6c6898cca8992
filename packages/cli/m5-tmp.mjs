import { build } from "/work/main/node_modules/.pnpm/esbuild@0.27.7/node_modules/esbuild/lib/main.js";
const r = await build({
  entryPoints: [process.argv[2] || "src/cli.ts"], bundle: true, splitting: true, format: "esm", platform: "node", target: "node20",
  outdir: "/tmp/bx/metaout5", metafile: true, external: ["jsonc-parser"], write: false, minify: true,
  alias: { "@handoff/core": "/work/main/packages/core/src/index.ts", "@handoff/hooks": "/work/main/packages/hooks/src/index.ts" },
  logLevel: "error",
});
const o = r.metafile.outputs;
for (const name of ["restore", "save"]) {
const key = Object.keys(o).find(k => o[k].entryPoint?.includes(`commands/${name}.ts`));
const seen = new Set(); const q=[key];
while (q.length) { const k=q.shift(); if (seen.has(k)) continue; seen.add(k); for (const i of o[k].imports) if (i.kind==="import-statement" && !i.external) q.push(i.path); }
let total = 0; for (const k of seen) total += o[k].bytes;
console.log(name, seen.size, "files", total, "bytes");
for (const k of seen) { const ins = Object.entries(o[k].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput); console.log("  ", k.split("/").pop(), o[k].bytes, ins.slice(0,4).map(([f,v])=>f.replace(/.*node_modules\//,"nm/").replace("../core/src/","core:")).join(", ")); }
}
