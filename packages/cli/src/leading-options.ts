/**
 * git's order, `handoff -C <path> status`: the options every command takes may come before the
 * command name too. They are moved after it, where each command's parser reads them.
 */
export function commandFirst(argv: readonly string[]): string[] {
  const leading: string[] = [];
  let index = 0;
  while (index < argv.length) {
    const arg = argv[index]!;
    if ((arg === "-C" || arg === "--cwd") && index + 1 < argv.length) {
      leading.push(arg, argv[index + 1]!);
      index += 2;
    } else if (arg.startsWith("--cwd=") || (arg.startsWith("-C") && arg.length > 2)) {
      leading.push(arg);
      index += 1;
    } else break;
  }
  if (leading.length === 0 || index >= argv.length) return [...argv];
  return [argv[index]!, ...leading, ...argv.slice(index + 1)];
}
