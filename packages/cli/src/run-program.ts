import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";
import { Script } from "node:vm";

/**
 * Runs one of the bin's programs (dist/<command>.cjs) with V8's compiled code kept between runs:
 * compiling the program is about a third of what `restore`, `status` and `agents` spend beyond
 * Node's own start (bench/README.md). Node >= 22.1 keeps it itself (`module.enableCompileCache`).
 * Node 20 has no such call, and v8-compile-cache, the library for it, costs more than it saves
 * there (it loads `crypto` to hash every file: restore 1.30x `node -e 0` with it, 1.17x without);
 * so the program runs through `vm.Script` with `cachedData`, as Node's own loader once did.
 *
 * The cache lives in the user's cache folder, never in the repository or a shared temporary
 * folder: compiled code is code that runs. `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as in Node.
 */
export function runProgram(file: string, localRequire: NodeRequire): void {
  const folder = cacheFolder(localRequire);
  if (folder === undefined) localRequire(file);
  else if (nodeKeepsCompiledCode()) {
    (localRequire("node:module") as { enableCompileCache(folder: string): unknown }).enableCompileCache(folder);
    localRequire(file);
  } else runWithCodeCache(file, localRequire, folder);
}

function nodeKeepsCompiledCode(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 1);
}

function cacheFolder(localRequire: NodeRequire): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  const base =
    xdg && isAbsolute(xdg)
      ? xdg
      : process.platform === "win32"
        ? process.env.LOCALAPPDATA
        : join(process.env.HOME || (localRequire("node:os") as typeof import("node:os")).homedir(), process.platform === "darwin" ? "Library/Caches" : ".cache");
  return base && isAbsolute(base) ? join(base, "handoff", "compile-cache") : undefined;
}

// Node's CommonJS wrapper, on a line of its own so that the program's line numbers stay its own.
const WRAPPER_START = "(function (exports, require, module, __filename, __dirname) {\n";
const WRAPPER_END = "\n})";

function runWithCodeCache(file: string, localRequire: NodeRequire, folder: string): void {
  // V8 checks only the source's length: the file's identity and times tell a rebuilt program apart.
  const { size, mtimeMs, ctimeMs, ino } = statSync(file);
  const key = `${size} ${mtimeMs} ${ctimeMs} ${ino}`;
  const cacheFile = join(folder, `${process.version}-${process.arch}`, installationId(dirname(file)), `${basename(file)}.v8`);
  const cached = readCache(cacheFile, key);
  const source = cached?.source ?? readFileSync(file, "utf8");
  const script = new Script(`${WRAPPER_START}${source}${WRAPPER_END}`, { filename: file, lineOffset: -1, cachedData: cached?.data });
  // Written at exit, so that it holds the functions this run compiled too, not only the top level.
  if (cached === undefined || script.cachedDataRejected) process.once("exit", () => writeCache(cacheFile, key, source, script));
  const module = { id: file, filename: file, path: dirname(file), exports: {}, loaded: false, children: [], paths: [] };
  localRequire.cache[file] = module as unknown as NodeModule;
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, localRequire, module, file, dirname(file));
  module.loaded = true;
}

/**
 * A short name for the folder the programs are installed in, so that two projects, each with its
 * own handoff, each keep their own cache instead of replacing each other's on every switch.
 * (FNV-1a: `crypto` alone would cost more to load than the whole lookup.)
 */
function installationId(installedIn: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < installedIn.length; index++) hash = Math.imul(hash ^ installedIn.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * A cache file is one line, `<key> <bytes of source>`, then the program's source (one read instead
 * of two: the key says it is the file's), then V8's data.
 */
interface CacheEntry {
  source: string;
  data: Buffer;
}

function readCache(cacheFile: string, key: string): CacheEntry | undefined {
  let content: Buffer;
  try {
    content = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const prefix = `${key} `;
  const headerEnd = content.indexOf(10);
  if (headerEnd < 0 || content.toString("latin1", 0, prefix.length) !== prefix) return undefined;
  const sourceEnd = headerEnd + 1 + Number(content.toString("latin1", prefix.length, headerEnd));
  if (!(sourceEnd <= content.length)) return undefined;
  return { source: content.toString("utf8", headerEnd + 1, sourceEnd), data: content.subarray(sourceEnd) };
}

/** Whole or not at all (a rename), since other handoff processes may be reading it; a failure only costs a compile. */
function writeCache(cacheFile: string, key: string, source: string, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    const sourceBytes = Buffer.from(source);
    const header = Buffer.from(`${key} ${sourceBytes.length}\n`);
    writeFileSync(temporary, Buffer.concat([header, sourceBytes, script.createCachedData()]), { mode: 0o600 });
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
  }
}
