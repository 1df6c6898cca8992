import type { ParsedArgs } from "../args.js";
import { UsageError } from "../errors.js";

/** Exactly the named positionals, or a usage error naming what is missing or extra. */
export function takePositionals(parsed: ParsedArgs, names: readonly string[]): string[] {
  const given = parsed.positionals;
  if (given.length < names.length) throw new UsageError(`missing <${names[given.length]}>`);
  if (given.length > names.length) throw new UsageError(`unexpected argument "${given[names.length]}"`);
  return given;
}
