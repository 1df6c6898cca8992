import { spawn, spawnSync } from "node:child_process";
import { HandoffError } from "../errors.js";
import { gitEnvironment } from "./env.js";
import { exitCode, GIT_NOT_STARTED_HINT, gitCouldNotStart, gitFailed } from "../messages.js";

export interface GitRunOptions {
  /** Written to git's stdin, then closed. */
  input?: string | Buffer;
  /** The environment to clean and pass on (a hook passes the one git gave it). */
  env?: NodeJS.ProcessEnv;
  /** Keep the variables git uses to reach a remote (ssh, askpass, proxy): for fetch and push. */
  transport?: boolean;
}

export interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** The error for a git that cannot be started at all (not installed, or not on PATH). */
function gitNotStarted(cause: Error): HandoffError {
  const reason = cause.message.split("\n")[0]!.replace(/^Error: /, "");
  return new HandoffError("E_GIT", gitCouldNotStart(reason), { hint: GIT_NOT_STARTED_HINT, cause });
}

/**
 * What a simple-git call failed with, as a HandoffError naming the command; git's own message
 * says what is wrong, and a git that could not start says so.
 */
export function gitCommandFailed(command: string, cwd: string, error: unknown): HandoffError {
  const cause = error instanceof Error ? error : new Error(String(error));
  if (/spawn .*ENOENT/.test(cause.message)) return gitNotStarted(cause);
  return new HandoffError("E_GIT", gitFailed(command, cwd, cause.message.trim()), { cause });
}

/**
 * Runs git in `cwd` and keeps its output as bytes: `-z` lists and blob contents are not text.
 * Repository variables in the environment are dropped, so `cwd` alone says which repository.
 */
export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    // With no input, git's stdin is /dev/null: one pipe fewer to set up on the hot paths (save's two reads).
    const child = spawn("git", args, {
      cwd,
      env: gitEnvironment(options.env ?? process.env, options.transport),
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(gitNotStarted(error)));
    child.on("close", (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }),
    );
    if (child.stdin) {
      // git may exit before reading all of its input (a bad object name); that is reported by the exit code.
      child.stdin.on("error", () => {});
      child.stdin.end(options.input);
    }
  });
}

/**
 * runGit without an event loop: no streams or sockets to set up, for a read whose caller has
 * nothing else to do meanwhile (save's two reads; bench/README.md, 19). No input, no size cap:
 * like runGit, the output is what git prints about this repository.
 */
export function runGitSync(cwd: string, args: readonly string[], options: Pick<GitRunOptions, "env"> = {}): GitRun {
  const result = spawnSync("git", args, {
    cwd,
    env: gitEnvironment(options.env ?? process.env),
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: Number.POSITIVE_INFINITY,
    windowsHide: true,
  });
  if (result.error) throw gitNotStarted(result.error);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

/** Like runGit, but a non-zero exit is a HandoffError naming the command. */
export async function gitOutput(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  const result = await runGit(cwd, args, options);
  if (result.code !== 0) {
    throw new HandoffError("E_GIT", gitFailed(`git ${args.slice(0, 2).join(" ")}`, cwd, result.stderr.trim() || exitCode(result.code)));
  }
  return result.stdout;
}

/** Splits NUL-terminated `-z` output into its entries. */
export function splitNul(output: Buffer): string[] {
  const text = output.toString("utf8");
  const entries = text.split("\0");
  if (entries[entries.length - 1] === "") entries.pop();
  return entries;
}
