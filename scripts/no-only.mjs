// lint-staged check for this repo's own files: no focused or skipped-by-accident tests get committed.
import { readFileSync } from "node:fs";

const FOCUSED = /\b(?:describe|it|test)\.only\s*\(/;
let failed = false;
for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, index) => {
    if (FOCUSED.test(line)) {
      console.error(`${file}:${index + 1}: remove .only before committing`);
      failed = true;
    }
  });
}
process.exitCode = failed ? 1 : 0;
