#!/usr/bin/env node
import module from "node:module";
import path from "node:path";

// Node >= 22.1 keeps compiled code between runs; Node 20 has no such call, and there this is a no-op.
// The bin is this small file so that the cache, turned on here, covers the program it loads.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

require(path.join(__dirname, "program.cjs"));
