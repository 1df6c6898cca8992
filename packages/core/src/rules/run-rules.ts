import { createRuleChecker, MAX_RULE_FILE_BYTES, type RuleReport } from "./check-files.js";
import { anyRuleAppliesTo, type CompiledRule } from "./compile.js";
import { readBlobFiles, type BlobEntry } from "./read-blobs.js";
import { workingFiles } from "./working-files.js";

export interface CheckWorkingFilesOptions {
  /** False in a repository with no commits yet. */
  hasHead: boolean;
  maxBytes?: number;
}

/** `handoff validate`'s rule run: the tracked and staged files (staged content where staged). */
export async function checkWorkingFiles(root: string, rules: readonly CompiledRule[], options: CheckWorkingFilesOptions): Promise<RuleReport> {
  const maxBytes = options.maxBytes ?? MAX_RULE_FILE_BYTES;
  const checker = createRuleChecker(rules, { maxBytes });
  if (rules.length === 0) return checker.report();
  for await (const batch of workingFiles(root, { wanted: anyRuleAppliesTo(rules), maxBytes, hasHead: options.hasHead })) {
    batch.files.forEach(checker.check);
    batch.skipped.forEach(checker.skip);
  }
  return checker.report();
}

export interface CheckBlobsOptions {
  env?: NodeJS.ProcessEnv;
  maxBytes?: number;
}

/** The rules over files as they are in git's object store (pre-push: as they are in the pushed commits). */
export async function checkBlobs(
  root: string,
  entries: readonly BlobEntry[],
  rules: readonly CompiledRule[],
  options: CheckBlobsOptions = {},
): Promise<RuleReport> {
  const maxBytes = options.maxBytes ?? MAX_RULE_FILE_BYTES;
  const checker = createRuleChecker(rules, { maxBytes });
  const wanted = anyRuleAppliesTo(rules);
  const relevant = entries.filter((entry) => wanted(entry.path));
  for await (const batch of readBlobFiles(root, relevant, { maxBytes, env: options.env })) {
    batch.files.forEach(checker.check);
    batch.skipped.forEach(checker.skip);
  }
  return checker.report();
}
