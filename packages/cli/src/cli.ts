#!/usr/bin/env node
import module from "node:module";
import path from "node:path";

// Node >= 22.1 keeps compiled code between runs; Node 20 has no such call, and there this is a no-op.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/**
 * Compiling the code of every command costs Node about 2 ms, as much as `handoff restore` may
 * spend beyond Node's own start: the two commands with a speed target run from builds of their
 * own (src/programs, bench/README.md), every other one from the build of all commands.
 */
const BUILT_ALONE = new Set(["restore", "save"]);
const command = process.argv[2] ?? "";
require(path.join(__dirname, BUILT_ALONE.has(command) ? `${command}.cjs` : "commands.cjs"));
