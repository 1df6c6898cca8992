import type { ParsedArgs } from "../args.js";
import { UsageError } from "../errors.js";
import { missingArgument, unexpectedArgument } from "../messages/common.js";

/** Exactly the named positionals, or a usage error naming what is missing or extra. */
export function takePositionals(parsed: ParsedArgs, names: readonly string[]): string[] {
  const given = parsed.positionals;
  if (given.length < names.length) throw new UsageError(missingArgument(names[given.length]));
  if (given.length > names.length) throw new UsageError(unexpectedArgument(given[names.length]));
  return given;
}
