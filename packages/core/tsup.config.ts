import { defineConfig } from "tsup";
import { baseConfig } from "../../tsup.config.base.js";

export default defineConfig({ ...baseConfig, format: ["esm", "cjs"] });
