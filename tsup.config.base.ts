import type { Options } from "tsup";

/** Shared by every package's one-line tsup config. */
export const baseConfig: Options = {
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  sourcemap: false,
  // Concurrent local builds must not delete a dist another test run is using; CI starts clean.
  clean: process.env.CI === "true",
  dts: true,
  splitting: true,
  treeshake: true,
};
