#!/usr/bin/env node
import module from "node:module";
import path from "node:path";
import { commandFirst } from "./leading-options.js";

// Node >= 22.1 keeps compiled code between runs; Node 20 has no such call, and there this is a no-op.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** The commands with a build of their own, src/programs/<command>.ts; the build fills this in. */
declare const __COMMAND_PROGRAMS__: readonly string[];

/**
 * Each command runs from its own build, so Node compiles only that command's code: for `handoff
 * restore`, compiling every command's would take as long as all it may spend beyond Node's own
 * start (bench/README.md). Help, --version and unknown commands run from the build of them all.
 */
process.argv.splice(2, Infinity, ...commandFirst(process.argv.slice(2)));
const command = process.argv[2] ?? "";
require(path.join(__dirname, __COMMAND_PROGRAMS__.includes(command) ? `${command}.cjs` : "commands.cjs"));
