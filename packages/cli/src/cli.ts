#!/usr/bin/env node
import { join } from "node:path";
import { commandFirst } from "./leading-options.js";
import { runProgram } from "./run-program.js";

/** The commands with a build of their own, src/programs/<command>.ts; the build fills this in. */
declare const __COMMAND_PROGRAMS__: readonly string[];

/**
 * Each command runs from its own build, so Node compiles only that command's code: for `handoff
 * restore`, compiling every command's would take as long as all it may spend beyond Node's own
 * start (bench/README.md). Help, --version and unknown commands run from the build of them all.
 */
process.argv.splice(2, Infinity, ...commandFirst(process.argv.slice(2)));
const command = process.argv[2] ?? "";
runProgram(join(__dirname, __COMMAND_PROGRAMS__.includes(command) ? `${command}.cjs` : "commands.cjs"), require);
