// ESLint over every package (`pnpm lint`): typescript-eslint's type-aware recommended rules for
// src, the plain recommended set for tests (type-aware there would double the run for little gain).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Built output, generated rule tables, benches and plain-JS build scripts are not linted here.
    ignores: ["**/dist/**", "**/node_modules/**", "bench/**", "scripts/**", "packages/*/scripts/**", "**/*.generated.ts", "**/fixtures/**", "**/*.config.ts", "*.js"],
  },
  {
    files: ["packages/*/src/**/*.ts", "packages/*/test/**/*.ts"],
    extends: [js.configs.recommended],
    rules: {
      // Leaving a field out by destructuring it beside a rest (`{ label: _label, ...rest }`) is the codebase's way to omit one.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    files: ["packages/*/src/**/*.ts"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // The agent readers and lock callbacks implement async interfaces; several are synchronous on purpose.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // The bin's CommonJS entry, the small hook program and the vendor shims require() a file chosen
    // at run time, to load it only when needed.
    files: ["packages/cli/src/cli.ts", "packages/cli/src/programs/hook.ts", "packages/cli/src/vendor/shims/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["packages/*/test/**/*.ts"],
    extends: [...tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // Tests look for terminal escape sequences in output on purpose.
      "no-control-regex": "off",
      // Tests read parsed JSON whose shape their assertions then check.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
