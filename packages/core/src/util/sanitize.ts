// C0 and C1 control characters, DEL, and the bidirectional overrides that can disguise text.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Text from commits, branch and file names or state files, made safe to print: control
 * sequences (an `ESC ]0;` title change, say) are shown escaped instead of reaching the terminal.
 */
export function displaySafe(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/**
 * Multi-line text (an error naming several schema problems) as display-safe lines: the line
 * breaks stay real, and only what is inside each line is escaped.
 */
export function displaySafeLines(text: string): string[] {
  return text.split(/\r?\n/).map(displaySafe);
}

/** A copy of `value` with every string in it made display-safe. */
export function displaySafeDeep<T>(value: T): T {
  if (typeof value === "string") return displaySafe(value) as T;
  if (Array.isArray(value)) return value.map(displaySafeDeep) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, displaySafeDeep(item)])) as T;
  }
  return value;
}
