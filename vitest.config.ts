import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (pkg: string, entry = "index") => fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Checked in order, and "@handoff/core" would match "@handoff/core/internal" too: the longer first.
    alias: {
      "@handoff/core/internal": source("core", "internal"),
      "@handoff/core": source("core"),
      "@handoff/hooks": source("hooks"),
      "@handoff/test-utils": source("test-utils"),
    },
  },
  test: {
    env: { NO_COLOR: "1" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["packages/*/test/**/*.test.ts"], exclude: ["**/*.e2e.test.ts"], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["packages/*/test/**/*.e2e.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
