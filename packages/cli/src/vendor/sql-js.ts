// sql.js reads SQLite stores (OpenCode, Crush, Goose, cursor-agent) on a Node.js without
// node:sqlite. Its WebAssembly binary is copied beside this bundle (dist/vendor/sql-wasm.wasm)
// by tsup.config.ts, where sql.js looks for it (its own folder).
export { default } from "sql.js";
