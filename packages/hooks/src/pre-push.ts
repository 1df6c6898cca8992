import { anyRuleAppliesTo, checkBlobs, compileRules, displaySafe, gitOutput, isHandoffError, loadConfig } from "@handoff/core/internal";
import { parsePushUpdates, pushesCommits } from "./pre-push-input.js";
import { pushedFiles } from "./pre-push-ranges.js";
import { prePushVerdict } from "./pre-push-report.js";
import { prePushSkipped, prePushSkippedHint } from "./messages.js";

/**
 * The pre-push check: the STRICT and FLEXIBLE rules over the files the pushed commits change, as
 * they are in those commits. Returns git's exit code: 1 only for a STRICT violation with
 * `"prePush": "block"`. It reads only what git hands it (the pushed ranges, then the changed blobs
 * in batches), so a large push stays fast.
 *
 * `remote` and `url` are git's arguments to the hook (the remote's name, or its URL when the push
 * names none); `stdin` is what git wrote: `<local ref> <local sha> <remote ref> <remote sha>` lines;
 * `cwd` is where git runs the hook, the work tree's top level.
 */
export async function runPrePush(options: {
  cwd: string;
  remote: string;
  url: string;
  stdin: string;
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
}): Promise<number> {
  const { env } = options;
  // Messages can quote the config and the pushed files: no control sequence reaches the terminal.
  const out = (line: string) => options.out(displaySafe(line));
  if (env.HANDOFF_SKIP === "1") return 0; // as the hook scripts and runHook read it
  const updates = parsePushUpdates(options.stdin).filter(pushesCommits);
  if (updates.length === 0) return 0;

  const root = (await gitOutput(options.cwd, ["rev-parse", "--show-toplevel"], { env })).toString("utf8").trim();
  let config;
  try {
    config = loadConfig(root);
  } catch (error) {
    // A broken config must not break the push: say so, and let it go.
    if (!isHandoffError(error)) throw error;
    out(prePushSkipped(error.message));
    if (error.hint) out(prePushSkippedHint(error.hint));
    return 0;
  }
  const mode = config.prePush ?? "warn";
  if (mode === "off" || !config.rules?.length) return 0;
  const rules = compileRules(config.rules);

  const context = { root, remote: options.remote, env };
  const files = await pushedFiles(context, updates, anyRuleAppliesTo(rules));
  const report = await checkBlobs(root, files, rules, { env });
  const verdict = prePushVerdict(report, mode);
  verdict.lines.forEach((line) => out(line));
  return verdict.block ? 1 : 0;
}
