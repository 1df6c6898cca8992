import { defineConfig } from "tsup";
import { baseConfig } from "../../tsup.config.base.js";

// Two entries, `@handoff/core` (the public API) and `@handoff/core/internal` (what the CLI and the
// hooks share beyond it), with their common code in shared chunks: one HandoffError class for both.
export default defineConfig({ ...baseConfig, entry: ["src/index.ts", "src/internal.ts"], format: ["esm", "cjs"] });
